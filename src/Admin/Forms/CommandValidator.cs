using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace CommunitySaaS.Admin.Forms;

/// <summary>
/// Put inside an EditForm whose model mirrors a Core command: validates the command as the user types
/// (fields they touched) and on submit (all fields), and shows the service's own errors next to their fields
/// until the field is edited again.
/// </summary>
public sealed class CommandValidator : ComponentBase, IDisposable
{
    private readonly Dictionary<FieldIdentifier, string[]> _serverErrors = [];
    private ValidationMessageStore? _messages;
    private EditContext? _subscribed;

    [CascadingParameter] private EditContext? EditContext { get; set; }

    /// <summary>Builds the command from the form's current values.</summary>
    [Parameter, EditorRequired] public Func<object> Command { get; set; } = default!;

    protected override void OnParametersSet()
    {
        var context = EditContext ?? throw new InvalidOperationException($"{nameof(CommandValidator)} must be inside an EditForm.");
        if (ReferenceEquals(context, _subscribed)) return;
        Unsubscribe();
        _messages = new ValidationMessageStore(context);
        context.OnFieldChanged += FieldChanged;
        context.OnValidationRequested += ValidationRequested;
        _subscribed = context;
    }

    /// <summary>Shows a service's <c>Invalid</c> errors (keyed by command property path) next to their fields.</summary>
    public void ShowServerErrors(IReadOnlyDictionary<string, string[]>? errors)
    {
        if (_subscribed is null || errors is null) return;
        foreach (var (path, messages) in errors)
        {
            var field = CommandValidation.Resolve(_subscribed.Model, path) ?? new FieldIdentifier(_subscribed.Model, string.Empty);
            _serverErrors[field] = messages;
        }
        Validate(onlyTouched: false);
    }

    private void FieldChanged(object? sender, FieldChangedEventArgs e)
    {
        _serverErrors.Remove(e.FieldIdentifier);
        Validate(onlyTouched: true);
    }

    private void ValidationRequested(object? sender, ValidationRequestedEventArgs e) => Validate(onlyTouched: false);

    private void Validate(bool onlyTouched)
    {
        var context = _subscribed!;
        _messages!.Clear();
        foreach (var (path, message) in CommandValidation.Validate(Command()))
        {
            var field = CommandValidation.Resolve(context.Model, path) ?? new FieldIdentifier(context.Model, string.Empty);
            if (onlyTouched && !context.IsModified(field)) continue;
            _messages.Add(field, message);
        }
        foreach (var (field, messages) in _serverErrors) _messages.Add(field, messages);
        context.NotifyValidationStateChanged();
    }

    private void Unsubscribe()
    {
        if (_subscribed is null) return;
        _subscribed.OnFieldChanged -= FieldChanged;
        _subscribed.OnValidationRequested -= ValidationRequested;
        _messages?.Clear();
    }

    public void Dispose() => Unsubscribe();
}
