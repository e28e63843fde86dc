using BenchmarkDotNet.Running;

// `dotnet run -c Release -- --filter '*'` runs every benchmark; `--list flat` names them.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
