using FluentValidation;
using Mediator;

namespace Enforcement.Host.Web;

/// <summary>
/// Runs every validator of a message before its handler, so that no handler sees a request that breaks its rules.
/// A failure stops the request with a <see cref="RequestValidationException"/>, answered as a 400 validation problem.
/// </summary>
public sealed class RequestValidation<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private readonly IValidator<TMessage>[] validators = [.. validators];

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (validators.Length > 0)
        {
            var failures = new List<FluentValidation.Results.ValidationFailure>();
            foreach (var validator in validators)
                failures.AddRange((await validator.ValidateAsync(message, cancellationToken)).Errors);
            if (failures.Count > 0)
                throw new RequestValidationException(failures
                    .GroupBy(f => WirePath.Of(f.PropertyName), StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal));
        }
        return await next(message, cancellationToken);
    }
}
