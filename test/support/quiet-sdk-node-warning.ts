// The AWS SDK warns once per module registry that its 2027 releases will need Node 22. Lambda's runtime here
// is Node 20 (the brief fixes it); the warning is known and would otherwise repeat for every test file.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const text = typeof warning === 'string' ? warning : warning.message;
  if (text.startsWith('NodeVersionSupportWarning')) return;
  (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;
