/** The dependency a source path lies in (its npm package, scoped or not) and the path inside it; null outside node_modules. */
export function inPackage(path: string): { pkg: string; rest: string } | null {
  const nm = path.lastIndexOf('node_modules/');
  if (nm < 0) return null;
  const parts = path.slice(nm + 'node_modules/'.length).split('/');
  const scoped = parts[0]!.startsWith('@');
  return { pkg: scoped ? `${parts[0]}/${parts[1]}` : parts[0]!, rest: parts.slice(scoped ? 2 : 1).join('/') };
}
