namespace Orleans.Caching.Runtime;

/// <summary>The pure table edits every provider that holds the whole table applies under its own lock (in-memory, file).</summary>
internal static class MembershipTableEdits
{
    /// <summary>Inserts or replaces a row if the table is at <paramref name="expectedVersion"/>.</summary>
    /// <param name="table">The current table.</param>
    /// <param name="entry">The row to write.</param>
    /// <param name="expectedVersion">The version the writer read.</param>
    /// <returns>The next table (version + 1), or <see langword="null"/> if the version moved on.</returns>
    /// <exception cref="ArgumentException">The status would move backwards.</exception>
    public static MembershipTableSnapshot? TryWrite(MembershipTableSnapshot table, MembershipEntry entry, long expectedVersion)
    {
        if (table.Version != expectedVersion)
        {
            return null;
        }

        MembershipEntry? current = table.Find(entry.Silo);
        MembershipRules.CheckTransition(entry.Silo, current?.Status ?? SiloStatus.None, entry.Status);
        MembershipEntry stored = entry with { Suspicions = [.. entry.Suspicions] };
        var entries = new List<MembershipEntry>(table.Entries.Count + 1);
        foreach (MembershipEntry existing in table.Entries)
        {
            if (!existing.Silo.Equals(entry.Silo))
            {
                entries.Add(existing);
            }
        }

        entries.Add(stored);
        return new MembershipTableSnapshot(table.Version + 1, entries);
    }

    /// <summary>Refreshes a row's IAmAlive time without changing the version.</summary>
    /// <param name="table">The current table.</param>
    /// <param name="silo">The silo.</param>
    /// <param name="time">The time.</param>
    /// <returns>The next table, or <see langword="null"/> if the silo has no row.</returns>
    public static MembershipTableSnapshot? WithIAmAlive(MembershipTableSnapshot table, SiloAddress silo, DateTimeOffset time)
    {
        var entries = new MembershipEntry[table.Entries.Count];
        bool found = false;
        for (int i = 0; i < entries.Length; i++)
        {
            MembershipEntry existing = table.Entries[i];
            if (existing.Silo.Equals(silo))
            {
                existing = existing with { IAmAliveTime = time };
                found = true;
            }

            entries[i] = existing;
        }

        return found ? new MembershipTableSnapshot(table.Version, entries) : null;
    }

    /// <summary>Removes Dead rows whose IAmAlive time is before the cut-off, bumping the version if any went.</summary>
    /// <param name="table">The current table.</param>
    /// <param name="before">The cut-off.</param>
    /// <returns>The next table and the number of rows removed.</returns>
    public static (MembershipTableSnapshot Table, int Deleted) WithoutDefunct(MembershipTableSnapshot table, DateTimeOffset before)
    {
        var kept = new List<MembershipEntry>(table.Entries.Count);
        foreach (MembershipEntry entry in table.Entries)
        {
            if (!IsDefunct(entry, before))
            {
                kept.Add(entry);
            }
        }

        int deleted = table.Entries.Count - kept.Count;
        return deleted == 0 ? (table, 0) : (new MembershipTableSnapshot(table.Version + 1, kept), deleted);
    }

    /// <summary>Tells whether a row is a Dead silo last alive before the cut-off.</summary>
    /// <param name="entry">The row.</param>
    /// <param name="before">The cut-off.</param>
    /// <returns><see langword="true"/> if the row may be deleted.</returns>
    public static bool IsDefunct(MembershipEntry entry, DateTimeOffset before)
        => entry.Status == SiloStatus.Dead && entry.IAmAliveTime < before;
}
