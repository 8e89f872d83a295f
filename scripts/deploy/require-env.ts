/** Deploy scripts refuse clearly, before doing anything, when a key or secret they need is not set. */
export function requireEnv(
  names: string[],
  purpose: string,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const missing = names.filter((name) => !env[name] || env[name]?.trim() === '');
  if (missing.length > 0) {
    console.error(`${purpose}需要设置环境变量：${missing.join('、')}（见 README「Deploying to CloudBase」）。`);
    process.exit(2);
  }
  return Object.fromEntries(names.map((name) => [name, env[name]!.trim()]));
}
