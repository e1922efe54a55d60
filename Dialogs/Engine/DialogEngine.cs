using AnToan.Knowledge.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace AnToan.Dialogs.Engine;

/// <summary>Runs the step dialogs: an active dialog gets every message first (interceptor order 0). Handles once, for
/// every dialog, the interruptions (intents cancel, help, back, pause, resume of intents.json), questions asked in the
/// middle, re-prompts and the way out after <see cref="MaxAttempts"/> wrong answers. In a group conversation (a Teams
/// channel or group chat) the active dialog belongs to whoever started it: the others' messages go on to the router.</summary>
public sealed class DialogEngine(
    ConversationState conversationState,
    Replies replies,
    PromptReader reader,
    IQuestionAnswerer answerer,
    IResumePoint resumePoint,
    IEnumerable<StepDialog> dialogs,
    ILogger<DialogEngine> logger) : IMessageInterceptor
{
    public const int MaxAttempts = 3;
    private const int MaxStepsPerTurn = 200;
    private readonly IStatePropertyAccessor<DialogState> _state = conversationState.CreateProperty<DialogState>("dialogs");
    private readonly Dictionary<string, StepDialog> _dialogs = dialogs.ToDictionary(d => d.Id);

    private DialogWords words => replies.Content.Part<DialogWords>();

    public async Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var state = await _state.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        var text = turnContext.Activity.Text ?? "";
        // The commands the message is typed as ("hủy", "quay lại"): looked up once for every check below.
        var said = replies.Content.IntentsWithExample(text).Select(i => i.Id).ToList();
        if (state.Stack.Count == 0)
        {
            if (state.Offer is { } offered) return await AnswerOfferAsync(turnContext, state, text, said, offered, cancellationToken);
            if (!said.Contains(DialogIntents.Resume)) return false;
            await ResumeAsync(turnContext, cancellationToken);
            return true;
        }
        if (!IsOwner(turnContext, state)) return false;
        if (!IsCurrent(state.Stack) || state.Stack[^1].Prompt is null)
        {
            await EndOutdatedAsync(turnContext, state, cancellationToken);
            // A command or a question is still heard; an answer to the old question has nothing left to answer.
            return !(said.Count > 0 || words.LooksLikeQuestion(text));
        }
        var frame = state.Stack[^1];
        var prompt = frame.Prompt!;
        if (said.Contains(DialogIntents.Cancel))
        {
            state.Stack.Clear();
            await turnContext.SendActivityAsync(replies.WithMenu(DialogTemplates.DialogCancelled), cancellationToken);
        }
        else if (said.Contains(DialogIntents.Help))
        {
            await turnContext.SendActivityAsync(replies.Message(DialogTemplates.DialogHelp, new { Step = prompt.HelpText, Kind = prompt.Kind.ToString().ToLowerInvariant(), prompt.Optional }), cancellationToken);
            await RepeatAsync(turnContext, prompt, cancellationToken);
        }
        else if (said.Contains(DialogIntents.Back)) await BackAsync(turnContext, state, cancellationToken);
        else if (said.Contains(DialogIntents.Pause))
        {
            state.Paused = state.Stack;
            state.Stack = [];
            await turnContext.SendActivityAsync(replies.Message(DialogTemplates.DialogPaused, null, [new(words.Button(DialogButtons.Resume), words.Button(DialogButtons.Resume))]), cancellationToken);
        }
        else if (said.Contains(DialogIntents.Resume)) await RepeatAsync(turnContext, prompt, cancellationToken);
        else
        {
            // One rule for every question: its own answer wins when it parses, unless the message reads as a question
            // or a command that can be served; what is served puts the dialog aside and offers to go back to it.
            var parsed = reader.TryRead(prompt, text, out var answer);
            if (parsed && !(words.LooksLikeQuestion(text) || said.Count > 0)) await RunAsync(turnContext, state, answer, cancellationToken);
            else if (answerer.Serves(text))
            {
                state.Paused = state.Stack;
                state.Stack = [];
                state.Interrupted = true;
                return false;
            }
            else if (parsed) await RunAsync(turnContext, state, answer, cancellationToken);
            else await RejectAsync(turnContext, state, DialogTemplates.DialogRetry, null, cancellationToken);
        }
        return true;
    }

    /// <summary>While a dialog put aside by an interruption waits: "có", the offer's button, "quay lại" or "tiếp tục"
    /// go back to it; "hủy" and "tạm dừng" end the offer; anything else is served, and the offer made again.</summary>
    private async Task<bool> AnswerOfferAsync(ITurnContext turn, DialogState state, string text, List<string> said, string offered, CancellationToken cancellationToken)
    {
        if (said.Contains(DialogIntents.Resume) || said.Contains(DialogIntents.Back) || reader.IsYes(text) || VietnameseText.Fold(text) == VietnameseText.Fold(offered))
            await ResumeAsync(turn, cancellationToken);
        else if (said.Contains(DialogIntents.Cancel))
        {
            (state.Paused, state.Offer) = (null, null);
            await turn.SendActivityAsync(replies.WithMenu(DialogTemplates.DialogCancelled), cancellationToken);
        }
        else if (said.Contains(DialogIntents.Pause))
        {
            state.Offer = null;
            await turn.SendActivityAsync(replies.Message(DialogTemplates.DialogPaused, null, [new(words.Button(DialogButtons.Resume), words.Button(DialogButtons.Resume))]), cancellationToken);
        }
        else
        {
            state.Interrupted = true;
            return false;
        }
        return true;
    }

    /// <summary>After a message that put a dialog aside was served: "Quay lại việc 3/16?", unless what was served
    /// started another dialog.</summary>
    public async Task AfterTurnAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var state = await _state.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        if (!state.Interrupted) return;
        state.Interrupted = false;
        if (state.Stack.Count > 0 || state.Paused is not { Count: > 0 } paused || paused[^1].Prompt is null) return;
        var model = new { Place = paused[^1].Place };
        var button = replies.Content.Templates.Render(DialogTemplates.DialogOfferBackButton, model).Trim();
        state.Offer = button;
        await turnContext.SendActivityAsync(replies.Message(DialogTemplates.DialogOfferBack, model, [new(button, button)]), cancellationToken);
    }

    /// <summary>Starts a dialog, dropping any dialog that was paused in this conversation (unit progress is kept).</summary>
    public async Task BeginAsync(ITurnContext turnContext, string dialogId, Dictionary<string, string>? values, CancellationToken cancellationToken)
    {
        var state = await _state.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        (state.Paused, state.Offer) = (null, null);
        state.Stack = [NewFrame(dialogId, values)];
        state.Owner = turnContext.Activity.From?.Id;
        await RunAsync(turnContext, state, null, cancellationToken);
    }

    /// <summary>"tiếp tục": the dialog paused in this conversation, else the unit's last flow at its last item (another
    /// conversation, another channel, days later, after a restart).</summary>
    public async Task ResumeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var state = await _state.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        state.Offer = null;
        if (state.Paused is { Count: > 0 } paused && IsCurrent(paused) && paused[^1].Prompt is { } prompt)
        {
            state.Stack = paused;
            state.Paused = null;
            state.Owner = turnContext.Activity.From?.Id;
            await RepeatAsync(turnContext, prompt, cancellationToken, DialogTemplates.DialogResumed);
            return;
        }
        state.Paused = null;
        if (await resumePoint.FindAsync(turnContext, cancellationToken) is { } resume && _dialogs.ContainsKey(resume.DialogId))
        {
            await turnContext.SendActivityAsync(replies.Message(DialogTemplates.DialogResumed), cancellationToken);
            await BeginAsync(turnContext, resume.DialogId, resume.Values, cancellationToken);
            return;
        }
        await turnContext.SendActivityAsync(replies.WithMenu(DialogTemplates.DialogNothingToResume), cancellationToken);
    }

    private async Task RunAsync(ITurnContext turn, DialogState state, object? result, CancellationToken cancellationToken)
    {
        var pending = state.Stack.Count > 0 ? state.Stack[^1].Prompt : null;
        for (var steps = 0; state.Stack.Count > 0; steps++)
        {
            if (steps > MaxStepsPerTurn) throw new BrokenStateException($"Dialog {state.Stack[^1].Id} loops");
            var frame = state.Stack[^1];
            var dialog = _dialogs[frame.Id];
            if (frame.Step >= dialog.StepCount)
            {
                state.Stack.RemoveAt(state.Stack.Count - 1);
                DialogMetrics.Finish(frame.Id);
                continue;
            }
            frame.Prompt = null;
            var outcome = await dialog[frame.Step](new StepContext(turn, replies, frame, result), cancellationToken);
            switch (outcome)
            {
                case StepResult.Reject reject:
                    frame.Prompt = pending ?? throw new BrokenStateException($"{frame.Id} rejected an answer it did not ask for");
                    await RejectAsync(turn, state, reject.Template, reject.Model, cancellationToken);
                    return;
                case StepResult.Ask ask:
                    await AskAsync(turn, frame, ask.Prompt, cancellationToken);
                    frame.Step++;
                    return;
                case StepResult.Next next:
                    frame.Step++;
                    result = next.Result;
                    break;
                case StepResult.GoTo goTo:
                    frame.Step = dialog.IndexOf(goTo.Target);
                    result = goTo.Result;
                    break;
                case StepResult.Begin begin:
                    frame.Step++;
                    state.Stack.Add(NewFrame(begin.DialogId, begin.Values));
                    result = null;
                    break;
                case StepResult.End end:
                    state.Stack.RemoveAt(state.Stack.Count - 1);
                    DialogMetrics.Finish(frame.Id);
                    result = end.Result;
                    break;
            }
            pending = null;
        }
    }

    private async Task AskAsync(ITurnContext turn, DialogFrame frame, PromptSpec spec, CancellationToken cancellationToken)
    {
        var templates = replies.Content.Templates;
        frame.Prompt = new PromptState
        {
            Kind = spec.Kind,
            Text = templates.Render(spec.Template, spec.Model),
            HelpText = spec.HelpTemplate is null ? "" : templates.Render(spec.HelpTemplate, spec.Model),
            Choices = [.. spec.Choices],
            Optional = spec.Optional,
            MaxLength = spec.MaxLength,
            Min = spec.Min,
            Max = spec.Max,
            Checkpoint = spec.Checkpoint,
            Details = spec.Details,
        };
        if (spec.PlaceTemplate is not null) frame.Place = templates.Render(spec.PlaceTemplate, spec.Model).Trim();
        if (spec.Checkpoint) frame.ItemStart = new Checkpoint { Step = frame.Step, Values = new(frame.Values) };
        await RepeatAsync(turn, frame.Prompt, cancellationToken);
    }

    /// <summary>"quay lại": from an item's first question to the item before; from a later question to the item's first.</summary>
    private async Task BackAsync(ITurnContext turn, DialogState state, CancellationToken cancellationToken)
    {
        var frame = state.Stack[^1];
        var start = frame.ItemStart;
        var values = start is null ? null : frame.Prompt!.Checkpoint ? _dialogs[frame.Id].Before(start.Values) : start.Values;
        if (start is null || values is null)
        {
            await turn.SendActivityAsync(replies.Message(DialogTemplates.DialogNoBack), cancellationToken);
            await RepeatAsync(turn, frame.Prompt!, cancellationToken);
            return;
        }
        frame.Step = start.Step;
        frame.Values = new(values);
        await RunAsync(turn, state, null, cancellationToken);
    }

    private async Task RejectAsync(ITurnContext turn, DialogState state, string template, object? model, CancellationToken cancellationToken)
    {
        var prompt = state.Stack[^1].Prompt!;
        if (++prompt.Attempts >= MaxAttempts)
        {
            state.Paused = null;
            state.Stack.Clear();
            await turn.SendActivityAsync(replies.Message(DialogTemplates.DialogGaveUp, null, [new(words.Button(DialogButtons.Resume), words.Button(DialogButtons.Resume)), .. replies.Content.Ui.Menu]), cancellationToken);
            return;
        }
        var hint = new { Kind = prompt.Kind.ToString().ToLowerInvariant(), prompt.Min, prompt.Max, prompt.MaxLength, prompt.Optional, Choices = prompt.Choices.Select(c => c.Label).ToList() };
        await turn.SendActivityAsync(replies.Message(template, model ?? hint), cancellationToken);
        await RepeatAsync(turn, prompt, cancellationToken);
    }

    private async Task EndOutdatedAsync(ITurnContext turn, DialogState state, CancellationToken cancellationToken)
    {
        logger.LogInformation("Ending dialog {DialogId} v{Version}: no longer known to this version of the bot", state.Stack[^1].Id, state.Stack[^1].Version);
        state.Stack.Clear();
        state.Paused = null;
        await turn.SendActivityAsync(replies.Message(DialogTemplates.DialogOutdated, null, [new(words.Button(DialogButtons.Resume), words.Button(DialogButtons.Resume))]), cancellationToken);
    }

    private Task RepeatAsync(ITurnContext turn, PromptState prompt, CancellationToken cancellationToken, string? lead = null)
    {
        var text = lead is null ? prompt.Text : $"{replies.Content.Templates.Render(lead)}\n\n{prompt.Text}";
        var activity = MessageFactory.Text(text);
        activity.TextFormat = TextFormatTypes.Markdown;
        var actions = reader.Buttons(prompt).Select(b => new CardAction(ActionTypes.ImBack, b.Title, value: b.Value)).ToList();
        if (actions.Count > 0) activity.SuggestedActions = new SuggestedActions(actions: actions);
        return turn.SendActivityAsync(activity, cancellationToken);
    }

    private static bool IsOwner(ITurnContext turn, DialogState state) =>
        turn.Activity.Conversation?.IsGroup != true || state.Owner is null || state.Owner == turn.Activity.From?.Id;

    private DialogFrame NewFrame(string dialogId, Dictionary<string, string>? values)
    {
        DialogMetrics.Start(dialogId);
        return new() { Id = dialogId, Version = _dialogs[dialogId].Version, Values = values ?? [] };
    }

    private bool IsCurrent(IEnumerable<DialogFrame> stack) =>
        stack.All(f => _dialogs.TryGetValue(f.Id, out var d) && d.Version == f.Version && f.Step <= d.StepCount && d.Fits(f.Values));
}
