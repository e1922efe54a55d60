namespace AnToan.Dialogs.Flows;

/// <summary>Which item of a list comes next.</summary>
public static class ItemOrder
{
    /// <summary>The first unanswered item after <paramref name="after"/> (from the top when null), wrapping round;
    /// null when every item has an answer. Read fresh each time, so items a colleague answered meanwhile are skipped.</summary>
    public static string? NextUnanswered(IReadOnlyList<string> ids, IReadOnlyDictionary<string, Units.UnitAnswer> answers, string? after)
    {
        var start = after is null ? 0 : ids.ToList().IndexOf(after) + 1;
        for (var k = 0; k < ids.Count; k++)
        {
            var id = ids[(start + k) % ids.Count];
            if (!answers.ContainsKey(id)) return id;
        }
        return null;
    }
}
