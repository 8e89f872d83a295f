import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import deploymentJson from '../../config/deployment.json';
import { messagesConfig } from '../../cloudfunctions/core/messages/config';
import { Deployment, type FunctionDeployment } from '../../types/deployment';

/** The deployed functions: every folder of cloudfunctions/ with an index.ts, but the shared core and platform. */
export function functionFolders(source: string): string[] {
  return readdirSync(source)
    .filter((name) => !['core', 'platform'].includes(name) && existsSync(join(source, name, 'index.ts')))
    .sort();
}

export function loadDeployment(): Deployment {
  return Deployment.parse(deploymentJson);
}

/** What WeChat reads from a function's config.json: its timer trigger and the open APIs it may call. */
export function wechatFunctionConfig(spec: FunctionDeployment): Record<string, unknown> {
  return {
    ...(spec.trigger ? { triggers: [{ name: spec.trigger.name, type: 'timer', config: spec.trigger.config }] } : {}),
    ...(spec.openapi.length > 0 ? { permissions: { openapi: spec.openapi } } : {}),
  };
}

/** A placeholder the CloudBase CLI fills from the deployer's environment (or .env) at deploy time. */
const fromEnv = (name: string) => `{{env.${name}}}`;

function environmentOf(spec: FunctionDeployment): Record<string, string> {
  const templateVars = spec.templates ? Object.values(messagesConfig.templates).map((t) => t.templateIdEnv) : [];
  return Object.fromEntries([...spec.secrets, ...templateVars].sort().map((name) => [name, fromEnv(name)]));
}

/**
 * cloudbaserc.json for the CloudBase CLI (`tcb fn deploy`): every function with its timeout, memory,
 * runtime, environment variable names and (at most one) trigger, code from dist/cloudfunctions.
 */
export function cloudbaseConfig(deployment: Deployment, names: string[]): Record<string, unknown> {
  const missing = names.filter((name) => !Object.hasOwn(deployment.functions, name));
  const extra = Object.keys(deployment.functions).filter((name) => !names.includes(name));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `config/deployment.json and cloudfunctions/ disagree: missing ${missing.join(', ') || '—'}; no such function ${extra.join(', ') || '—'}`,
    );
  }
  return {
    version: '2.0',
    envId: fromEnv('CLOUDBASE_ENV_ID'),
    functionRoot: './dist/cloudfunctions',
    functions: names.map((name) => {
      const spec = deployment.functions[name]!;
      return {
        name,
        handler: 'index.main',
        runtime: deployment.runtime,
        timeout: spec.timeout ?? deployment.defaults.timeout,
        memorySize: spec.memorySize ?? deployment.defaults.memorySize,
        installDependency: true,
        envVariables: environmentOf(spec),
        ...(spec.trigger
          ? { triggers: [{ name: spec.trigger.name, type: 'timer', config: spec.trigger.config }] }
          : {}),
      };
    }),
  };
}
