using AnToan.Bot.Reports;
using AnToan.Bot.Storage;
using AnToan.Dialogs;
using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Flows;
using AnToan.Dialogs.Recognizers;
using AnToan.Dialogs.Units;
using AnToan.Knowledge;

namespace AnToan.Bot.Hosting;

public static class DialogFlowServices
{
    /// <summary>The step dialogs (checklist, self-assessment, units), their engine, recognisers, unit store and reports.</summary>
    public static IServiceCollection AddDialogFlows(this IServiceCollection services, IConfiguration configuration)
    {
        // Singletons: vocabulary and words come with the knowledge content (see AddKnowledge); everything per
        // conversation lives in IStorage and everything per unit in the unit store (AddStorage).
        services.AddSingleton<AnswerRecognizer>();
        services.AddSingleton<PromptReader>();
        // IQuestionAnswerer (what the dialog engine asks before it calls a message a wrong answer) is the knowledge
        // matcher's, registered in AddDialogs (KnowledgeServices.cs).
        // The unit store (IUnitStore for the dialogs, IUnitDirectory for the dashboard) is registered with the other
        // stores in AddStorage (Bot/Storage/StorageServices.cs).
        services.AddSingleton<StepDialog, ChecklistDialog>();
        services.AddSingleton<StepDialog, AssessmentDialog>();
        services.AddSingleton<StepDialog, UnitProfileDialog>();
        services.AddSingleton<JoinThrottle>();
        services.AddSingleton<StepDialog, JoinUnitDialog>();
        services.AddSingleton<IResumePoint, UnitResumePoint>();
        services.AddSingleton<DialogEngine>();
        services.AddSingleton<IMessageInterceptor>(sp => sp.GetRequiredService<DialogEngine>());
        services.AddSingleton<UnitProgress>();
        services.AddSingleton<ICommandHandler, UnitCommands>();
        services.AddSingleton<JoinCommand>();
        services.AddSingleton<IMessageInterceptor>(sp => sp.GetRequiredService<JoinCommand>());
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<JoinCommand>());
        services.AddReports(configuration);
        return services;
    }
}
