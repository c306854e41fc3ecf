// serverless.yml's `functions`, made from functions/src/deployment.ts (which reads the contract in shared/).
// Loaded by the Serverless Framework's `${file(...)}` variable; tsx compiles the TypeScript on the fly.
const { require: tsxRequire } = require('tsx/cjs/api');

module.exports = async ({ resolveVariable }) => {
  const stage = await resolveVariable('sls:stage');
  const { serverlessFunctions } = tsxRequire('./src/deployment.ts', __filename);
  return serverlessFunctions(stage);
};
