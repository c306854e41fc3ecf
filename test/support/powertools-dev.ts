// Powertools Logger and Metrics write through the global console in dev mode (in Lambda they write to stdout through
// a console of their own), so that tests can read log lines with console spies; in dev mode metrics are not printed.
process.env.POWERTOOLS_DEV = 'true';
