using Bot.Core.Subscriptions;

namespace Bot.Core.Digests;

/// <summary>A digest subscription's schedule in its chat's zone: what its Quartz cron trigger is built from.</summary>
public sealed record DigestTrigger(long SubscriptionId, DigestSchedule Schedule, TimeZoneInfo Zone);
