using System.Globalization;

namespace Bot.Bench;

/// <summary>
/// The share of CPU time the hypervisor gave to other machines between two readings of /proc/stat: on a shared
/// virtual machine, latency figures taken while it is high are slower than the code is.
/// </summary>
internal sealed class CpuSteal
{
    private readonly (long Total, long Steal)? _start = Read();

    /// <summary>Stolen share since construction, 0–1; null where /proc/stat is not available.</summary>
    public double? Share()
    {
        if (_start is not { } start || Read() is not { } now || now.Total == start.Total)
        {
            return null;
        }

        return (double)(now.Steal - start.Steal) / (now.Total - start.Total);
    }

    private static (long Total, long Steal)? Read()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }

        // "cpu  user nice system idle iowait irq softirq steal guest guest_nice", in clock ticks.
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return fields.Length > 7 ? (fields.Take(8).Sum(), fields[7]) : null;
    }
}
