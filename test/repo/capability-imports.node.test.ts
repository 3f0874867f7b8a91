import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// ADR 0010, checked: a capability reaches another capability only through
// that capability's read.ts (`@ronghe/<cap>/read`) or its events, never through
// its tables, its other modules or its package root; and a capability's
// index.ts and read.ts name what they export (no `export *`).
//
// The capabilities and the tables each owns are read from the repository, not
// listed here: a capability is a folder packages/<cap> with a table file
// schema/tenant/<cap>.ts, and its tables are the `sqliteTable(...)` exports of
// that file. A new capability is checked the day it follows the anatomy.

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const SCHEMA_TENANT = join(ROOT, 'schema/tenant');
const SCHEMA_PUBLIC = ['@ronghe/schema', '@ronghe/schema/tenant'];

interface Capability {
  name: string;
  dir: string;
  /** Table identifiers (as exported by @ronghe/schema) → SQL table name. */
  tables: Map<string, string>;
}

/** Text standing in for a file, for the tests that plant a violation (never written to disk). */
const planted = new Map<string, string>();

function sourceOf(file: string): ts.SourceFile {
  return ts.createSourceFile(file, planted.get(file) ?? readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function tablesOf(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of sourceOf(file).statements) {
    if (!ts.isVariableStatement(s) || !s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const d of s.declarationList.declarations) {
      const init = d.initializer;
      if (init && ts.isCallExpression(init) && init.expression.getText() === 'sqliteTable' && ts.isStringLiteral(init.arguments[0]!)) {
        out.set(d.name.getText(), init.arguments[0].text);
      }
    }
  }
  return out;
}

// Platform packages own tables too (events: the outbox), but every capability may
// use them; ADR 0010 names them. They are not capabilities.
const PLATFORM = new Set(['core', 'events', 'http', 'identity', 'tenancy']);

function capabilities(root = ROOT): Capability[] {
  return readdirSync(join(root, 'packages'))
    .filter((name) => !PLATFORM.has(name))
    .filter((name) => statSync(join(root, 'schema/tenant', `${name}.ts`), { throwIfNoEntry: false })?.isFile())
    .map((name) => ({ name, dir: join(root, 'packages', name, 'src'), tables: tablesOf(join(root, 'schema/tenant', `${name}.ts`)) }));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Every way `file` (of capability `own`) reaches into another capability, as "path:line — what". */
function violationsIn(file: string, own: Capability, all: readonly Capability[]): string[] {
  const sf = sourceOf(file);
  const others = all.filter((c) => c !== own);
  const where = (n: ts.Node) => `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const out: string[] = [];
  const foreignTable = (id: string) => others.find((c) => c.tables.has(id));
  const namespaces = new Set<string>();

  const checkModule = (node: ts.Node, spec: string, names: Array<{ imported: string; local: string }>, namespace: string | null) => {
    // Another capability's package: only its read.ts (or events) is public to capabilities.
    for (const c of others) {
      const pkg = `@ronghe/${c.name}`;
      if (spec === pkg || (spec.startsWith(`${pkg}/`) && spec !== `${pkg}/read` && spec !== `${pkg}/events`)) {
        out.push(`${where(node)} imports '${spec}' — capability "${own.name}" may import only '${pkg}/read' (or its events) from "${c.name}"`);
      }
    }
    // Relative paths into another capability's folder or its table files.
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      for (const c of others) {
        const pkgDir = dirname(c.dir);
        const inPkg = target === pkgDir || target.startsWith(`${pkgDir}/`);
        const isRead = target === join(c.dir, 'read.ts') || target === join(c.dir, 'events.ts');
        if (inPkg && !isRead) out.push(`${where(node)} imports '${spec}' — a module inside capability "${c.name}"; use '@ronghe/${c.name}/read'`);
        if (dirname(target) === SCHEMA_TENANT && relative(SCHEMA_TENANT, target).startsWith(c.name)) {
          const tables = names.filter((n) => c.tables.has(n.imported));
          if (tables.length || namespace) out.push(`${where(node)} imports ${tables.map((t) => t.imported).join(', ') || `* as ${namespace}`} from '${spec}' — tables of capability "${c.name}"`);
        }
      }
    }
    // Tables through the schema package.
    if (SCHEMA_PUBLIC.includes(spec) || (spec.startsWith('.') && resolve(dirname(file), spec).startsWith(join(ROOT, 'schema')))) {
      for (const n of names) {
        const owner = foreignTable(n.imported);
        if (owner) out.push(`${where(node)} imports table ${n.imported} from '${spec}' — owned by capability "${owner.name}"; read it through '@ronghe/${owner.name}/read'`);
      }
      if (namespace) namespaces.add(namespace);
    }
  };

  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const names: Array<{ imported: string; local: string }> = [];
      let namespace: string | null = null;
      if (ts.isImportDeclaration(node)) {
        const b = node.importClause?.namedBindings;
        if (b && ts.isNamedImports(b)) for (const e of b.elements) names.push({ imported: (e.propertyName ?? e.name).text, local: e.name.text });
        if (b && ts.isNamespaceImport(b)) namespace = b.name.text;
      } else if (node.exportClause && ts.isNamedExports(node.exportClause)) {
        for (const e of node.exportClause.elements) names.push({ imported: (e.propertyName ?? e.name).text, local: e.name.text });
      } else if (!node.exportClause) {
        namespace = '*';
      }
      // `import { tenantSchema } from '@ronghe/schema'` is a namespace of every table.
      for (const n of names) if (n.imported === 'tenantSchema') namespaces.add(n.local);
      checkModule(node, node.moduleSpecifier.text, names, namespace);
    }
    // import('…') in types or code.
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      const q = node.qualifier?.getText();
      checkModule(node, node.argument.literal.text, q ? [{ imported: q.split('.')[0]!, local: q }] : [], q ? null : '*');
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0]!)) {
      checkModule(node, (node.arguments[0] as ts.StringLiteral).text, [], 'import()');
    }
    // ns.someTable, and drizzle's relational API: ctx.db.query.someTable.
    if (ts.isPropertyAccessExpression(node)) {
      const owner = foreignTable(node.name.text);
      const base = node.expression;
      const viaNamespace = ts.isIdentifier(base) && namespaces.has(base.text);
      const viaQuery = ts.isPropertyAccessExpression(base) && base.name.text === 'query';
      if (owner && (viaNamespace || viaQuery)) out.push(`${where(node)} reads ${node.getText()} — table of capability "${owner.name}"`);
    }
    // Hand-written SQL naming another capability's table.
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      for (const c of others) {
        for (const table of c.tables.values()) {
          if (new RegExp(`\\b(FROM|JOIN|INTO|UPDATE)\\s+"?${table}"?(\\s|$|\\))`, 'i').test(node.text)) {
            out.push(`${where(node)} names table ${table} in SQL — owned by capability "${c.name}"`);
          }
        }
      }
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return out;
}

/** `export *` in a capability's public files hides what is public. */
function starExportsIn(file: string): string[] {
  const sf = sourceOf(file);
  return sf.statements
    .filter((s) => ts.isExportDeclaration(s) && !s.exportClause && !s.isTypeOnly)
    .map((s) => `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(s.getStart()).line + 1} — ${s.getText()}`);
}

const CAPS = capabilities();

describe('capabilities reach each other only through read.ts (ADR 0010)', () => {
  it('finds the capabilities and the tables each owns in the repository', () => {
    // Expected from the anatomy: registry owns organizations; alliance and lists own their own tables.
    expect(CAPS.map((c) => c.name).sort()).toEqual(expect.arrayContaining(['alliance', 'lists', 'registry']));
    expect([...CAPS.find((c) => c.name === 'registry')!.tables.keys()]).toEqual(['organizations']);
    expect(CAPS.find((c) => c.name === 'alliance')!.tables.get('alliances')).toBe('alliances');
    expect(CAPS.find((c) => c.name === 'lists')!.tables.get('needs')).toBe('needs');
    // No table is owned twice.
    const owned = CAPS.flatMap((c) => [...c.tables.keys()]);
    expect(new Set(owned).size).toBe(owned.length);
  });

  for (const cap of CAPS) {
    it(`${cap.name}: has an explicit index.ts and a read.ts`, () => {
      for (const f of ['index.ts', 'read.ts']) {
        const file = join(cap.dir, f);
        expect(statSync(file, { throwIfNoEntry: false })?.isFile(), `${relative(ROOT, file)} is missing`).toBe(true);
        expect(starExportsIn(file)).toEqual([]);
      }
    });

    it(`${cap.name}: imports no other capability's tables or internals`, () => {
      const files = filesUnder(cap.dir);
      expect(files.length).toBeGreaterThan(2);
      expect(files.flatMap((f) => violationsIn(f, cap, CAPS))).toEqual([]);
    });
  }
});

describe('the check itself catches what it is meant to catch', () => {
  // Each planted line is a violation the rule exists for; the check must name it.
  const lists = CAPS.find((c) => c.name === 'lists')!;
  const check = (text: string) => violationsOfText(join(lists.dir, 'planted-violation.ts'), text, lists);

  it('a table of another capability imported from @ronghe/schema', () => {
    expect(check(`import { alliances, needs, type Alliance } from '@ronghe/schema';`)).toEqual([
      expect.stringMatching(/planted-violation\.ts:1 imports table alliances from '@ronghe\/schema' — owned by capability "alliance"/),
    ]);
  });
  it('another capability\'s package root or a deep module, but not its read.ts', () => {
    const found = check(
      [`import { getAlliance } from '@ronghe/alliance';`, `import { x } from '../../registry/src/orgs/rows.ts';`, `import { orgJoin } from '@ronghe/registry/read';`].join('\n'),
    );
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/:1 imports '@ronghe\/alliance'/);
    expect(found[1]).toMatch(/:2 imports '\.\.\/\.\.\/registry\/src\/orgs\/rows\.ts' — a module inside capability "registry"/);
  });
  it('drizzle\'s relational API, a tenantSchema namespace and hand-written SQL on another capability\'s table', () => {
    const found = check(
      [
        `import { tenantSchema } from '@ronghe/schema';`,
        `const a = ctx.db.query.organizations.findFirst();`,
        `const b = tenantSchema.allianceMembers;`,
        `const c = sql\`SELECT 1 FROM alliance_members m JOIN organizations o ON o.id = m.org_id\`;`,
      ].join('\n'),
    );
    expect(found.map((f) => f.replace(/^.*?:(\d+) /, '$1 '))).toEqual([
      expect.stringMatching(/^2 reads ctx\.db\.query\.organizations/),
      expect.stringMatching(/^3 reads tenantSchema\.allianceMembers/),
      expect.stringMatching(/^4 names table alliance_members in SQL/),
      expect.stringMatching(/^4 names table organizations in SQL/),
    ]);
  });
  it('export * in a public file', () => {
    expect(starExportsOfText('packages/lists/src/index.ts', `export * from './needs/create.ts';\nexport { a } from './a.ts';`)).toEqual([
      expect.stringMatching(/index\.ts:1 — export \* from '\.\/needs\/create\.ts';/),
    ]);
  });
});

// The planted checks run the same functions on text instead of a file on disk.
function violationsOfText(file: string, text: string, own: Capability): string[] {
  return withText(file, text, () => violationsIn(file, own, CAPS));
}
function starExportsOfText(file: string, text: string): string[] {
  return withText(join(ROOT, file), text, () => starExportsIn(join(ROOT, file)));
}
function withText<T>(file: string, text: string, run: () => T): T {
  planted.set(file, text);
  try {
    return run();
  } finally {
    planted.delete(file);
  }
}
