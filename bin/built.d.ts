export function freshBuild(outdir: URL, root: URL): URL | null;
