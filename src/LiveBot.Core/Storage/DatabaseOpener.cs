using LiteDB;

namespace LiveBot.Core.Storage;

/// <summary>
/// Opens the LiteDB database at a path, on start and again when the store reopens after a storage failure.
/// The default opens the file in direct mode; a test registers one that opens it over streams that fail like a
/// full disk.
/// </summary>
public delegate LiteDatabase DatabaseOpener(string path);
