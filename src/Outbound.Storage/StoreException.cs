namespace Outbound.Storage;

/// <summary>A store cannot be opened or read, or a table named by the user is not in it.</summary>
/// <remarks>The message is a sentence for the user, naming the store and table; it never holds a value or a password.</remarks>
internal sealed class StoreException : Exception
{
    public StoreException()
    {
    }

    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
