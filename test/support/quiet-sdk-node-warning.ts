// The AWS SDK warns once per module registry that its 2027 releases will need Node 22. Lambda's runtime here
// is Node 20 (the brief fixes it); the warning is known and would otherwise repeat for every test file.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const text = typeof warning === 'string' ? warning : String(warning?.message ?? warning);
  if (text.startsWith('NodeVersionSupportWarning')) return;
  // Errors from another realm (jest's sandbox) fail Node's instanceof check: pass their text instead.
  (emitWarning as (...args: unknown[]) => void)(typeof warning === 'string' || warning instanceof Error ? warning : text, ...rest);
}) as typeof process.emitWarning;
