using Blacklist.Server.Cli;

// Composition only: the command line decides between serving (no verb) and an operator's verb.
return await BlacklistCommandLine.InvokeAsync(args);
