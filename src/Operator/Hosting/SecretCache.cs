namespace CiBridge.Operator.Hosting;

/// <summary>
/// Which Secrets the operator's cache holds. It watches Secrets in every namespace it watches, so
/// that a rotated credential reaches its endpoints at once and a run reads its Secrets without an
/// API request. Helm keeps every revision of every release in a Secret of type
/// <c>helm.sh/release.v1</c> (up to 1 MiB each, ten revisions per release by default): in a cluster
/// managed with Helm they would be most of the cache, and no CiBridge reference can name one, so
/// the Secret informer lists and watches every other type only.
/// </summary>
internal static class SecretCache
{
    public const string FieldSelector = "type!=helm.sh/release.v1";
}
