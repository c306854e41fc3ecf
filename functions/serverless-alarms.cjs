// Parts of serverless.yml's alarms made from functions/src/deployment.ts, so that they follow the functions deployed.
// Loaded by the Serverless Framework's `${file(...):name}` variable; tsx compiles the TypeScript on the fly.
const { require: tsxRequire } = require('tsx/cjs/api');

module.exports = {
  // the Lambda Errors of every scheduled job and stream consumer, for BackgroundErrorsAlarm
  backgroundErrorMetrics: async ({ resolveVariable }) => {
    const stage = await resolveVariable('sls:stage');
    const { backgroundErrorMetrics } = tsxRequire('./src/deployment.ts', __filename);
    return backgroundErrorMetrics(stage);
  },
};
