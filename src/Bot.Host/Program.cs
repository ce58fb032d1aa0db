using Bot.Host.Cli;

return await BotCli.RunAsync(args);
