using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bot.Testing.Telegram;

/// <summary>
/// A Bot API server on loopback that behaves like Telegram for what the bot uses: token check,
/// HTML validation, the 4096 limit, flood control, scripted failures per chat, long-polled updates,
/// files, chat members, inline and callback answers, commands and webhooks. Everything the bot
/// sends is recorded for assertions.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly FakeRateLimiter _limiter;

    /// <summary>Flood-control refusals (with EnforceRateLimits), by which window was full.</summary>
    public (int Chat, int Global) FloodRefusals => (_limiter.ChatRefusals, _limiter.GlobalRefusals);
    private readonly Dictionary<long, FakeChat> _chats = [];
    private readonly Dictionary<long, long> _nextMessageId = [];
    private readonly List<FakeSentMessage> _messages = [];
    private readonly List<FakeRequest> _requests = [];
    private readonly List<JsonElement> _inlineAnswers = [];
    private readonly List<(string Id, string? Text)> _callbackAnswers = [];
    private readonly Dictionary<string, JsonElement> _commands = [];
    private readonly Dictionary<long, Queue<FakeFailure>> _scripts = [];
    private readonly Dictionary<string, (string Path, byte[] Content)> _files = [];
    private readonly List<JsonObject> _updates = [];
    private readonly Dictionary<string, TaskCompletionSource> _stalledFiles = [];
    private readonly List<string> _downloadsStarted = [];
    private TaskCompletionSource _changed = NewSignal();
    private long _nextUpdateId = 1000;
    private long _confirmedOffset;
    private int _pollGeneration;

    private FakeTelegramServer(WebApplication app, FakeTelegramOptions options, TimeProvider time)
    {
        _app = app;
        _time = time;
        Options = options;
        _limiter = new FakeRateLimiter(options, time);
    }

    public FakeTelegramOptions Options { get; }

    public string BaseUrl { get; private set; } = string.Empty;

    public string Token => Options.Token;

    public string? WebhookUrl { get; private set; }

    public string? WebhookSecret { get; private set; }

    /// <summary>The highest offset the bot confirmed: every update below it was acknowledged.</summary>
    public long ConfirmedOffset
    {
        get
        {
            lock (_lock)
            {
                return _confirmedOffset;
            }
        }
    }

    public IReadOnlyList<FakeSentMessage> Messages => Snapshot(_messages);

    public IReadOnlyList<FakeRequest> Requests => Snapshot(_requests);

    /// <summary>Every answerInlineQuery call's parameters.</summary>
    public IReadOnlyList<JsonElement> InlineAnswers => Snapshot(_inlineAnswers);

    public IReadOnlyList<(string Id, string? Text)> CallbackAnswers => Snapshot(_callbackAnswers);

    /// <summary>setMyCommands' lists by language_code ("" for the default).</summary>
    public IReadOnlyDictionary<string, JsonElement> Commands
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, JsonElement>(_commands);
            }
        }
    }

    /// <summary>Raised (outside the fake's lock) for every message the bot sends, as it is recorded.</summary>
    public event Action<FakeSentMessage>? MessageSent;

    public static async Task<FakeTelegramServer> StartAsync(FakeTelegramOptions? options = null, TimeProvider? time = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeTelegramServer(app, options ?? new FakeTelegramOptions(), time ?? TimeProvider.System);
        app.Run(server.HandleAsync);
        await app.StartAsync(ct);
        server.BaseUrl = app.Urls.First().TrimEnd('/');
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public FakeChat AddChat(long id, string type, string? title = null, string? username = null)
    {
        lock (_lock)
        {
            var chat = new FakeChat(id, type, title, username);
            _chats[id] = chat;
            return chat;
        }
    }

    public void SetMember(long chatId, long userId, string status, bool canPostMessages = true)
    {
        lock (_lock)
        {
            ChatFor(chatId).Members[userId] = new FakeMember(status, canPostMessages);
        }
    }

    /// <summary>The next <paramref name="times"/> sends, edits or deletes in the chat get this answer.</summary>
    public void Script(long chatId, FakeFailure failure, int times = 1)
    {
        lock (_lock)
        {
            if (!_scripts.TryGetValue(chatId, out var queue))
            {
                queue = new Queue<FakeFailure>();
                _scripts[chatId] = queue;
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(failure);
            }
        }
    }

    /// <summary>Stores a file the bot can fetch with getFile; returns its file_id.</summary>
    public string AddFile(string fileName, byte[] content)
    {
        lock (_lock)
        {
            var id = "file-" + (_files.Count + 1).ToString(CultureInfo.InvariantCulture);
            _files[id] = ($"documents/{id}-{Uri.EscapeDataString(fileName)}", content);
            return id;
        }
    }

    /// <summary>Downloads of this file hang (headers sent, no body) until <see cref="ReleaseFile"/>.</summary>
    public void StallFile(string fileId)
    {
        lock (_lock)
        {
            _stalledFiles[_files[fileId].Path] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void ReleaseFile(string fileId)
    {
        lock (_lock)
        {
            if (_stalledFiles.Remove(_files[fileId].Path, out var gate))
            {
                gate.TrySetResult();
            }
        }
    }

    /// <summary>The file paths whose download the bot began, in order.</summary>
    public IReadOnlyList<string> DownloadsStarted => Snapshot(_downloadsStarted);

    /// <summary>Queues an update for getUpdates; update_id is assigned here and returned.</summary>
    public long PushUpdate(JsonObject update)
    {
        lock (_lock)
        {
            var id = ++_nextUpdateId;
            update["update_id"] = id;
            _updates.Add(update);
            Signal();
            return id;
        }
    }

    public long PushMessage(long chatId, long userId, string text, string? languageCode = "en", long? threadId = null, JsonObject? document = null, string firstName = "Tester")
    {
        var chat = ChatJson(chatId);
        var message = new JsonObject
        {
            ["message_id"] = NextMessageId(chatId),
            ["date"] = _time.GetUtcNow().ToUnixTimeSeconds(),
            ["chat"] = chat,
            ["from"] = UserJson(userId, firstName, languageCode),
        };
        message[document is null ? "text" : "caption"] = text;
        if (document is not null)
        {
            message["document"] = document;
        }

        if (threadId is not null)
        {
            message["message_thread_id"] = threadId;
            message["is_topic_message"] = true;
        }

        return PushUpdate(new JsonObject { ["message"] = message });
    }

    public long PushDocument(long chatId, long userId, string fileName, byte[] content, string caption = "", string? languageCode = "en") =>
        PushFile(chatId, userId, AddFile(fileName, content), caption, languageCode);

    /// <summary>A document message for a file added with <see cref="AddFile"/>.</summary>
    public long PushFile(long chatId, long userId, string fileId, string caption = "", string? languageCode = "en")
    {
        JsonObject document;
        lock (_lock)
        {
            var (path, content) = _files[fileId];
            var fileName = Uri.UnescapeDataString(path[$"documents/{fileId}-".Length..]);
            document = new JsonObject
            {
                ["file_id"] = fileId,
                ["file_unique_id"] = "u" + fileId,
                ["file_name"] = fileName,
                ["mime_type"] = fileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? "text/markdown" : "text/plain",
                ["file_size"] = content.LongLength,
            };
        }

        return PushMessage(chatId, userId, caption, languageCode, document: document);
    }

    /// <summary>A press on a button of a message the bot sent.</summary>
    public long PushCallback(FakeSentMessage message, long userId, string data, string? languageCode = "en")
    {
        var query = new JsonObject
        {
            ["id"] = "cb-" + Interlocked.Increment(ref _nextUpdateId).ToString(CultureInfo.InvariantCulture),
            ["from"] = UserJson(userId, "Tester", languageCode),
            ["chat_instance"] = "ci-" + message.ChatId.ToString(CultureInfo.InvariantCulture),
            ["data"] = data,
            ["message"] = new JsonObject
            {
                ["message_id"] = message.MessageId,
                ["date"] = message.SentAt.ToUnixTimeSeconds(),
                ["chat"] = ChatJson(message.ChatId),
                ["text"] = message.VisibleText,
            },
        };
        return PushUpdate(new JsonObject { ["callback_query"] = query });
    }

    /// <summary>
    /// The bot's own membership changed (my_chat_member), as Telegram reports it: statuses are
    /// "member", "administrator", "left", "kicked"…; the bot's member record changes in the fake too.
    /// </summary>
    public long PushMyChatMember(long chatId, long fromUserId, string oldStatus, string newStatus, bool canPostMessages = true, string? languageCode = "en", bool couldPostBefore = true)
    {
        lock (_lock)
        {
            ChatFor(chatId).Members[Options.BotId] = new FakeMember(newStatus, canPostMessages);
        }

        JsonObject Member(string status, bool canPost)
        {
            var member = new JsonObject { ["status"] = status, ["user"] = BotJson() };
            if (status == "administrator")
            {
                member["can_be_edited"] = false;
                member["is_anonymous"] = false;
                member["can_manage_chat"] = true;
                member["can_delete_messages"] = true;
                member["can_manage_video_chats"] = false;
                member["can_restrict_members"] = false;
                member["can_promote_members"] = false;
                member["can_change_info"] = false;
                member["can_invite_users"] = true;
                member["can_post_stories"] = false;
                member["can_edit_stories"] = false;
                member["can_delete_stories"] = false;
                member["can_post_messages"] = canPost;
            }
            else if (status == "kicked")
            {
                member["until_date"] = 0;
            }

            return member;
        }

        var update = new JsonObject
        {
            ["chat"] = ChatJson(chatId),
            ["from"] = UserJson(fromUserId, "Tester", languageCode),
            ["date"] = _time.GetUtcNow().ToUnixTimeSeconds(),
            ["old_chat_member"] = Member(oldStatus, couldPostBefore),
            ["new_chat_member"] = Member(newStatus, canPostMessages),
        };
        return PushUpdate(new JsonObject { ["my_chat_member"] = update });
    }

    /// <summary>The service message Telegram posts in a group that became supergroup <paramref name="newChatId"/>.</summary>
    public long PushMigration(long oldChatId, long newChatId, long userId)
    {
        var message = new JsonObject
        {
            ["message_id"] = NextMessageId(oldChatId),
            ["date"] = _time.GetUtcNow().ToUnixTimeSeconds(),
            ["chat"] = ChatJson(oldChatId),
            ["from"] = UserJson(userId, "Tester", "en"),
            ["migrate_to_chat_id"] = newChatId,
        };
        return PushUpdate(new JsonObject { ["message"] = message });
    }

    public long PushInlineQuery(long userId, string query, string offset = "", string? languageCode = "en")
    {
        var inline = new JsonObject
        {
            ["id"] = "iq-" + Interlocked.Increment(ref _nextUpdateId).ToString(CultureInfo.InvariantCulture),
            ["from"] = UserJson(userId, "Tester", languageCode),
            ["query"] = query,
            ["offset"] = offset,
            ["chat_type"] = "private",
        };
        return PushUpdate(new JsonObject { ["inline_query"] = inline });
    }

    /// <summary>Waits (for a change, not for time) until <paramref name="condition"/> holds; fails after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilAsync(Func<FakeTelegramServer, bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }

            if (condition(this))
            {
                return;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("The fake Telegram server did not see: " + (what ?? "the expected state"));
            }
        }
    }

    public async Task<IReadOnlyList<FakeSentMessage>> WaitForMessagesAsync(Func<FakeSentMessage, bool> predicate, int count = 1, TimeSpan? timeout = null)
    {
        await WaitUntilAsync(s => s.Messages.Count(predicate) >= count, timeout, $"{count} matching message(s)");
        return Messages.Where(predicate).ToList();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var file = FilePath().Match(path);
        if (file.Success)
        {
            await ServeFileAsync(context, file.Groups["token"].Value, file.Groups["path"].Value);
            return;
        }

        var call = MethodPath().Match(path);
        if (!call.Success)
        {
            await WriteAsync(context, Fail(404, "Not Found"));
            return;
        }

        if (call.Groups["token"].Value != Options.Token)
        {
            await WriteAsync(context, Fail(401, "Unauthorized"));
            return;
        }

        FakeRequest request;
        try
        {
            request = await FakeRequest.ReadAsync(call.Groups["method"].Value, context.Request, context.RequestAborted);
        }
        catch (JsonException)
        {
            await WriteAsync(context, Fail(400, "Bad Request: can't parse JSON object"));
            return;
        }

        lock (_lock)
        {
            _requests.Add(request);
            Signal();
        }

        var answer = request.Method.ToLowerInvariant() switch
        {
            "getme" => Ok(BotJson()),
            "getupdates" => await GetUpdatesAsync(request, context.RequestAborted),
            "sendmessage" => Announce(SendMessage(request)),
            "sendphoto" => SendPhoto(request),
            "sendmediagroup" => SendMediaGroup(request),
            "editmessagetext" => EditMessageText(request),
            "deletemessage" => DeleteMessage(request),
            "answercallbackquery" => AnswerCallbackQuery(request),
            "answerinlinequery" => AnswerInlineQuery(request),
            "getchat" => GetChat(request),
            "getchatmember" => GetChatMember(request),
            "getfile" => GetFile(request),
            "setmycommands" => SetMyCommands(request),
            "setwebhook" => SetWebhook(request),
            "deletewebhook" => DeleteWebhook(),
            _ => Fail(404, "Not Found"),
        };
        lock (_lock)
        {
            Signal();
        }

        if (Options.ResponseDelay > TimeSpan.Zero && request.Method != "getUpdates")
        {
            await Task.Delay(Options.ResponseDelay, context.RequestAborted);
        }

        await WriteAsync(context, answer);
    }

    private async Task<(int Status, JsonObject Body)> GetUpdatesAsync(FakeRequest request, CancellationToken aborted)
    {
        var offset = request.Number("offset");
        var limit = (int)Math.Clamp(request.Number("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(request.Number("timeout") ?? 0, 0, 600));
        int generation;
        Task changed;
        lock (_lock)
        {
            if (WebhookUrl is not null)
            {
                return Fail(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            }

            generation = ++_pollGeneration;
            if (offset is { } confirmed && confirmed > _confirmedOffset)
            {
                _confirmedOffset = confirmed;
                _updates.RemoveAll(u => (long)u["update_id"]! < confirmed);
            }

            changed = _changed.Task;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        wait.CancelAfter(timeout);
        while (true)
        {
            lock (_lock)
            {
                if (generation != _pollGeneration)
                {
                    return Fail(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
                }

                var pending = _updates.Take(limit).Select(u => (JsonNode)u.DeepClone()).ToArray();
                if (pending.Length > 0 || wait.IsCancellationRequested)
                {
                    return Ok(new JsonArray(pending));
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // Long poll over: the loop answers with whatever is there (usually nothing).
            }
        }
    }

    private (int Status, JsonObject Body) Announce((int Status, JsonObject Body) answer)
    {
        if (answer.Status == 200 && MessageSent is { } sent)
        {
            var id = (long)answer.Body["result"]!["message_id"]!;
            var chat = (long)answer.Body["result"]!["chat"]!["id"]!;
            FakeSentMessage message;
            lock (_lock)
            {
                message = _messages.FindLast(m => m.ChatId == chat && m.MessageId == id)!;
            }

            sent(message);
        }

        return answer;
    }

    private (int Status, JsonObject Body) SendMessage(FakeRequest request)
    {
        lock (_lock)
        {
            if (ResolveChat(request.Text("chat_id")) is not { } chat)
            {
                return Fail(400, "Bad Request: chat not found");
            }

            if (Scripted(chat.Id, request) is { } failure)
            {
                return failure;
            }

            if (BotCannotPost(chat) is { } refusal)
            {
                return refusal;
            }

            if (request.Number("message_thread_id") is { } topic && chat.DeletedTopics.Contains(topic))
            {
                return Fail(400, "Bad Request: message thread not found");
            }

            if (ButtonError(request) is { } buttons)
            {
                return Fail(400, buttons);
            }

            var (visible, error) = Visible(request, "text");
            if (error is not null)
            {
                return Fail(400, error);
            }

            if (_limiter.TryAcquire(chat.Id, chat.Type == "private") is { } wait)
            {
                var seconds = (int)Math.Ceiling(wait.TotalSeconds);
                return Fail(429, $"Too Many Requests: retry after {seconds}", new JsonObject { ["retry_after"] = seconds });
            }

            var message = new FakeSentMessage
            {
                ChatId = chat.Id,
                MessageId = NextMessageId(chat.Id),
                ThreadId = request.Number("message_thread_id"),
                Html = request.Text("text")!,
                VisibleText = visible!,
                ReplyMarkup = request.Json("reply_markup"),
                PaidBroadcast = request.Flag("allow_paid_broadcast"),
                Silent = request.Flag("disable_notification"),
                LinkPreviewDisabled = request.Json("link_preview_options") is { } preview
                    && preview.TryGetProperty("is_disabled", out var disabled) && disabled.ValueKind == JsonValueKind.True,
                SentAt = _time.GetUtcNow(),
            };
            _messages.Add(message);
            return Ok(MessageJson(message));
        }
    }

    // What Telegram checks, in order, before it edits or deletes a message: the chat, this chat's
    // scripted failure, then the message itself. Called under _lock.
    private (FakeSentMessage Message, (int Status, JsonObject Body)? Refusal) TargetMessage(FakeRequest request, string verb)
    {
        if (ResolveChat(request.Text("chat_id")) is not { } chat)
        {
            return (null!, Fail(400, "Bad Request: chat not found"));
        }

        if (Scripted(chat.Id, request) is { } failure)
        {
            return (null!, failure);
        }

        var message = _messages.FirstOrDefault(m => m.ChatId == chat.Id && m.MessageId == request.Number("message_id") && !m.Deleted);
        return message is null ? (null!, Fail(400, $"Bad Request: message to {verb} not found")) : (message, null);
    }

    private (int Status, JsonObject Body) EditMessageText(FakeRequest request)
    {
        lock (_lock)
        {
            var (message, refusal) = TargetMessage(request, "edit");
            if (refusal is { } refused)
            {
                return refused;
            }

            var (visible, error) = Visible(request, "text");
            if (error is not null)
            {
                return Fail(400, error);
            }

            var markup = request.Json("reply_markup");
            if (message.Html == request.Text("text") && message.ReplyMarkup?.GetRawText() == markup?.GetRawText())
            {
                return Fail(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            }

            message.Html = request.Text("text")!;
            message.VisibleText = visible!;
            message.ReplyMarkup = markup;
            message.Edited = true;
            return Ok(MessageJson(message));
        }
    }

    private (int Status, JsonObject Body) DeleteMessage(FakeRequest request)
    {
        lock (_lock)
        {
            var (message, refusal) = TargetMessage(request, "delete");
            if (refusal is { } refused)
            {
                return refused;
            }

            if (_time.GetUtcNow() - message.SentAt > Options.DeleteWindow)
            {
                return Fail(400, "Bad Request: message can't be deleted");
            }

            message.Deleted = true;
            return Ok(true);
        }
    }

    private (int Status, JsonObject Body) AnswerCallbackQuery(FakeRequest request)
    {
        lock (_lock)
        {
            _callbackAnswers.Add((request.Text("callback_query_id") ?? string.Empty, request.Text("text")));
            return Ok(true);
        }
    }

    private (int Status, JsonObject Body) AnswerInlineQuery(FakeRequest request)
    {
        if (request.Json("results") is not { ValueKind: JsonValueKind.Array } results)
        {
            return Fail(400, "Bad Request: RESULTS_INVALID");
        }

        if (results.GetArrayLength() > 50)
        {
            return Fail(400, "Bad Request: RESULTS_TOO_MUCH");
        }

        var ids = new HashSet<string>();
        foreach (var result in results.EnumerateArray())
        {
            var id = result.TryGetProperty("id", out var idValue) ? idValue.GetString() : null;
            if (string.IsNullOrEmpty(id) || System.Text.Encoding.UTF8.GetByteCount(id) > 64 || !ids.Add(id))
            {
                return Fail(400, "Bad Request: RESULT_ID_INVALID");
            }

            if (!result.TryGetProperty("title", out var title) || string.IsNullOrWhiteSpace(title.GetString()))
            {
                return Fail(400, "Bad Request: RESULT_TITLE_EMPTY");
            }

            var content = result.GetProperty("input_message_content");
            var text = content.GetProperty("message_text").GetString() ?? string.Empty;
            var parseMode = content.TryGetProperty("parse_mode", out var mode) ? mode.GetString() : null;
            var error = string.Equals(parseMode, "HTML", StringComparison.OrdinalIgnoreCase) ? TelegramHtmlValidator.Parse(text).Error : null;
            if (error is not null)
            {
                return Fail(400, error);
            }
        }

        if (System.Text.Encoding.UTF8.GetByteCount(request.Text("next_offset") ?? string.Empty) > 64)
        {
            return Fail(400, "Bad Request: NEXT_OFFSET_INVALID");
        }

        lock (_lock)
        {
            _inlineAnswers.Add(request.Raw);
            return Ok(true);
        }
    }

    private (int Status, JsonObject Body) GetChat(FakeRequest request)
    {
        lock (_lock)
        {
            var reference = request.Text("chat_id");
            var chat = reference?.StartsWith('@') == true
                ? _chats.Values.FirstOrDefault(c => string.Equals("@" + c.Username, reference, StringComparison.OrdinalIgnoreCase))
                : long.TryParse(reference, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? _chats.GetValueOrDefault(id) : null;
            return chat is null ? Fail(400, "Bad Request: chat not found") : Ok(ChatJson(chat));
        }
    }

    private (int Status, JsonObject Body) GetChatMember(FakeRequest request)
    {
        lock (_lock)
        {
            if (ResolveChat(request.Text("chat_id")) is not { } chat)
            {
                return Fail(400, "Bad Request: chat not found");
            }

            if (request.Number("user_id") is not { } userId)
            {
                return Fail(400, "Bad Request: invalid user_id specified");
            }

            var member = chat.Members.GetValueOrDefault(userId)
                ?? new FakeMember(chat.Type == "channel" ? "left" : "member");
            var json = new JsonObject
            {
                ["status"] = member.Status,
                ["user"] = userId == Options.BotId ? BotJson() : UserJson(userId, "User", null),
            };
            if (member.Status == "administrator")
            {
                json["can_post_messages"] = member.CanPostMessages;
                json["can_manage_chat"] = true;
            }

            return Ok(json);
        }
    }

    private (int Status, JsonObject Body) GetFile(FakeRequest request)
    {
        lock (_lock)
        {
            var id = request.Text("file_id") ?? string.Empty;
            if (!_files.TryGetValue(id, out var file))
            {
                return Fail(400, "Bad Request: invalid file_id");
            }

            if (file.Content.LongLength > Options.MaxDownloadBytes)
            {
                return Fail(400, "Bad Request: file is too big");
            }

            return Ok(new JsonObject
            {
                ["file_id"] = id,
                ["file_unique_id"] = "u" + id,
                ["file_size"] = file.Content.LongLength,
                ["file_path"] = file.Path,
            });
        }
    }

    private (int Status, JsonObject Body) SetMyCommands(FakeRequest request)
    {
        if (request.Json("commands") is not { ValueKind: JsonValueKind.Array } commands)
        {
            return Fail(400, "Bad Request: commands not specified");
        }

        foreach (var command in commands.EnumerateArray())
        {
            var name = command.GetProperty("command").GetString() ?? string.Empty;
            var description = command.GetProperty("description").GetString() ?? string.Empty;
            if (!CommandName().IsMatch(name) || description.Length is < 1 or > 256)
            {
                return Fail(400, "Bad Request: BOT_COMMAND_INVALID");
            }
        }

        lock (_lock)
        {
            _commands[request.Text("language_code") ?? string.Empty] = commands;
            return Ok(true);
        }
    }

    private (int Status, JsonObject Body) SetWebhook(FakeRequest request)
    {
        var url = request.Text("url") ?? string.Empty;
        if (url.Length == 0)
        {
            return DeleteWebhook();
        }

        if (!url.StartsWith("https://", StringComparison.Ordinal))
        {
            return Fail(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        }

        var secret = request.Text("secret_token");
        if (secret is not null && !SecretToken().IsMatch(secret))
        {
            return Fail(400, "Bad Request: bad webhook: secret token contains unallowed characters");
        }

        lock (_lock)
        {
            WebhookUrl = url;
            WebhookSecret = secret;
            return Ok(true);
        }
    }

    private (int Status, JsonObject Body) DeleteWebhook()
    {
        lock (_lock)
        {
            WebhookUrl = null;
            WebhookSecret = null;
            return Ok(true);
        }
    }

    private async Task ServeFileAsync(HttpContext context, string token, string path)
    {
        (string Path, byte[] Content)? file;
        Task gate;
        lock (_lock)
        {
            file = token == Options.Token ? _files.Values.FirstOrDefault(f => f.Path == path) : null;
            gate = _stalledFiles.GetValueOrDefault(path)?.Task ?? Task.CompletedTask;
            _downloadsStarted.Add(path);
            Signal();
        }

        if (file is not { Content: { } content })
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = content.LongLength;
        await context.Response.StartAsync(context.RequestAborted);
        await gate.WaitAsync(context.RequestAborted);
        await context.Response.Body.WriteAsync(content, context.RequestAborted);
    }

    private static (string? Visible, string? Error) Visible(FakeRequest request, string field)
    {
        var raw = request.Text(field) ?? string.Empty;
        // Telegram reads parse_mode case-insensitively ("HTML", "Html", "html"); Telegram.Bot sends "Html".
        var (text, error) = request.Text("parse_mode")?.ToUpperInvariant() switch
        {
            "HTML" => TelegramHtmlValidator.Parse(raw),
            null or "" => (raw, null),
            "MARKDOWN" or "MARKDOWNV2" => (null, "Bad Request: this fake only parses HTML"),
            _ => (null, "Bad Request: unsupported parse_mode"),
        };
        if (error is not null)
        {
            return (null, error);
        }

        // Telegram trims the text before counting it; an empty result is refused.
        text = text!.Trim();
        if (text.Length == 0)
        {
            return (null, "Bad Request: message text is empty");
        }

        return text.Length > 4096 ? (null, "Bad Request: message is too long") : (text, null);
    }

    // Inline buttons: 1-64 bytes of callback_data (Telegram: BUTTON_DATA_INVALID), a non-empty label.
    private static string? ButtonError(FakeRequest request)
    {
        if (request.Json("reply_markup") is not { } markup || !markup.TryGetProperty("inline_keyboard", out var rows))
        {
            return null;
        }

        foreach (var button in rows.EnumerateArray().SelectMany(r => r.EnumerateArray()))
        {
            if (!button.TryGetProperty("text", out var label) || string.IsNullOrEmpty(label.GetString()))
            {
                return "Bad Request: BUTTON_TEXT_EMPTY";
            }

            if (button.TryGetProperty("callback_data", out var data) && System.Text.Encoding.UTF8.GetByteCount(data.GetString() ?? string.Empty) is 0 or > 64)
            {
                return "Bad Request: BUTTON_DATA_INVALID";
            }
        }

        return null;
    }

    private (int Status, JsonObject Body)? Scripted(long chatId, FakeRequest request)
    {
        if (!_scripts.TryGetValue(chatId, out var queue) || !queue.TryDequeue(out var failure))
        {
            return null;
        }

        return failure switch
        {
            FakeFailure.Blocked => Fail(403, "Forbidden: bot was blocked by the user"),
            FakeFailure.Kicked => Fail(403, "Forbidden: bot was kicked from the group chat"),
            FakeFailure.Migrated m => Fail(400, "Bad Request: group chat was upgraded to a supergroup chat", new JsonObject { ["migrate_to_chat_id"] = m.NewChatId }),
            FakeFailure.ServerError e => Fail(e.StatusCode, e.StatusCode == 502 ? "Bad Gateway" : "Internal Server Error"),
            FakeFailure.EchoingUrl => Fail(500, $"Internal Server Error: upstream failed for {request.Url}"),
            FakeFailure.TooManyRequests t => Fail(429, $"Too Many Requests: retry after {t.RetryAfterSeconds}", new JsonObject { ["retry_after"] = t.RetryAfterSeconds }),
            _ => null,
        };
    }

    private (int Status, JsonObject Body)? BotCannotPost(FakeChat chat)
    {
        var bot = chat.Members.GetValueOrDefault(Options.BotId);
        if (chat.Type == "channel" && bot is not { Status: "administrator" or "creator", CanPostMessages: true })
        {
            return Fail(400, "Bad Request: need administrator rights in the channel chat");
        }

        return bot?.Status switch
        {
            "kicked" when chat.Type == "private" => Fail(403, "Forbidden: bot was blocked by the user"),
            "left" or "kicked" => Fail(403, "Forbidden: bot was kicked from the group chat"),
            _ => null,
        };
    }

    private FakeChat? ResolveChat(string? reference)
    {
        if (reference?.StartsWith('@') == true)
        {
            return _chats.Values.FirstOrDefault(c => string.Equals("@" + c.Username, reference, StringComparison.OrdinalIgnoreCase));
        }

        return long.TryParse(reference, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? ChatFor(id) : null;
    }

    // Chats not added explicitly exist on first use: positive ids are private chats, negative ones groups.
    private FakeChat ChatFor(long id)
    {
        if (!_chats.TryGetValue(id, out var chat))
        {
            chat = new FakeChat(id, id > 0 ? "private" : "group", id > 0 ? null : "Group " + id.ToString(CultureInfo.InvariantCulture));
            _chats[id] = chat;
        }

        return chat;
    }

    private long NextMessageId(long chatId)
    {
        lock (_lock)
        {
            var next = _nextMessageId.GetValueOrDefault(chatId, 100) + 1;
            _nextMessageId[chatId] = next;
            return next;
        }
    }

    private JsonObject ChatJson(long chatId)
    {
        lock (_lock)
        {
            return ChatJson(ChatFor(chatId));
        }
    }

    private static JsonObject ChatJson(FakeChat chat)
    {
        var json = new JsonObject { ["id"] = chat.Id, ["type"] = chat.Type };
        if (chat.Title is not null)
        {
            json["title"] = chat.Title;
        }

        if (chat.Username is not null)
        {
            json["username"] = chat.Username;
        }

        if (chat.Type == "private")
        {
            json["first_name"] = "Tester";
        }

        if (chat.IsForum)
        {
            json["is_forum"] = true;
        }

        return json;
    }

    private JsonObject MessageJson(FakeSentMessage message)
    {
        var json = new JsonObject
        {
            ["message_id"] = message.MessageId,
            ["date"] = message.SentAt.ToUnixTimeSeconds(),
            ["chat"] = ChatJson(_chats[message.ChatId]),
            ["from"] = BotJson(),
        };
        if (message.PhotoFileId is { } fileId)
        {
            var (width, height, size) = _photos[fileId];
            json["photo"] = new JsonArray(new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["width"] = width, ["height"] = height, ["file_size"] = size });
            if (message.VisibleText.Length > 0)
            {
                json["caption"] = message.VisibleText;
            }

            if (message.MediaGroupId is { } group)
            {
                json["media_group_id"] = group;
            }
        }
        else
        {
            json["text"] = message.VisibleText;
        }

        if (message.ThreadId is not null)
        {
            json["message_thread_id"] = message.ThreadId;
        }

        return json;
    }

    private JsonObject BotJson() => new()
    {
        ["id"] = Options.BotId,
        ["is_bot"] = true,
        ["first_name"] = "Articles",
        ["username"] = Options.BotUsername,
        ["can_join_groups"] = true,
        ["supports_inline_queries"] = true,
    };

    private static JsonObject UserJson(long id, string firstName, string? languageCode)
    {
        var json = new JsonObject { ["id"] = id, ["is_bot"] = false, ["first_name"] = firstName };
        if (languageCode is not null)
        {
            json["language_code"] = languageCode;
        }

        return json;
    }

    private static (int Status, JsonObject Body) Ok(JsonNode? result) => (200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static (int Status, JsonObject Body) Ok(bool result) => (200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static (int Status, JsonObject Body) Fail(int code, string description, JsonObject? parameters = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (parameters is not null)
        {
            body["parameters"] = parameters;
        }

        return (code, body);
    }

    private static async Task WriteAsync(HttpContext context, (int Status, JsonObject Body) answer)
    {
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Body.ToJsonString(), context.RequestAborted);
    }

    private List<T> Snapshot<T>(List<T> list)
    {
        lock (_lock)
        {
            return [.. list];
        }
    }

    private void Signal()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [GeneratedRegex("^/bot(?<token>[^/]+)/(?<method>[A-Za-z]+)$")]
    private static partial Regex MethodPath();

    [GeneratedRegex("^/file/bot(?<token>[^/]+)/(?<path>.+)$")]
    private static partial Regex FilePath();

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretToken();
}
