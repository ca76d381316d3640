using System.Text;

namespace Atlas.Vm;

/// <summary>
/// How <see cref="JsonDisplay.Append"/> writes a json value: the separators between items and after keys, and how
/// strings (keys too) and numbers look. Display (<c>print</c>) and <c>toJSON</c> differ only in these.
/// </summary>
internal sealed record JsonStyle(string ItemSeparator, string KeySeparator, Action<StringBuilder, string> String, Func<double, string> Number);
