namespace CiBridge.Jenkins.Wire;

/// <summary>The <c>tree=</c> selections the client asks for, to keep payloads small.</summary>
internal static class Trees
{
    public const string Build =
        "number,queueId,building,result,duration,timestamp,estimatedDuration,url,actions[parameters[name,value],lastBuiltRevision[SHA1]]";

    public const string Job =
        "fullName,url,buildable,nextBuildNumber,inQueue,lastBuild[number]," +
        "property[parameterDefinitions[name,type,description,choices,defaultParameterValue[value]]]";

    public const string QueueItems = "items[id,task[name,url],actions[parameters[name,value]]]";

    /// <summary>Queue items with what recognises a trigger: who asked, with which values, since when.</summary>
    public const string QueueCandidates = "items[id,inQueueSince,task[url],actions[parameters[name,value],causes[userId]]]";

    /// <summary>A build's fields that recognise a trigger (a build's timestamp is its start).</summary>
    public const string BuildCandidates = "number,queueId,timestamp,actions[parameters[name,value],causes[userId]]";

    /// <summary><c>jobs[name,url,color,jobs[…]]</c> nested <paramref name="depth"/> levels, each bounded.</summary>
    public static string Jobs(int depth, int limit)
    {
        var tree = $"jobs[name,url,color]{{0,{limit}}}";
        for (var level = 1; level < depth; level++) tree = $"jobs[name,url,color,{tree}]{{0,{limit}}}";
        return tree;
    }
}
