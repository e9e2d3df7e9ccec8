namespace Enforcement.Simulation.Engine;

/// <summary>
/// Something that attempts exchanges over time: a legitimate account, or one slot of a campaign (which may go through
/// several accounts). Each has its own seeded generator, drawn from for every attempt whether it is served or not, so
/// that what is attempted does not depend on what the service decides.
/// </summary>
internal abstract class Actor(SimRandom random)
{
    protected SimRandom Random { get; } = random;

    /// <summary>When the next event happens, in ticks; <see cref="long.MaxValue"/> once the actor is done.</summary>
    public long Next { get; protected set; }

    /// <summary>The next event is the account's start (its profile and payment) rather than an exchange.</summary>
    public bool Starting { get; protected set; } = true;

    /// <summary>Starts the actor's first account at <see cref="Next"/>.</summary>
    public abstract SimAccount Begin();

    /// <summary>The exchange attempted at <see cref="Next"/>.</summary>
    public abstract Exchange Draw();

    /// <summary>The account that attempts the exchange at <see cref="Next"/>; <paramref name="fresh"/> when it starts now.</summary>
    public abstract SimAccount? AccountForExchange(out bool fresh);

    /// <summary>Moves <see cref="Next"/> to the following attempt.</summary>
    public abstract void Advance();
}
