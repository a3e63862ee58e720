// TypeDoc plugin: puts every export of the API site in a category (区划代码, 身份证, 指标目录 …) by the source file
// that declares it, so that a module page is grouped instead of one flat list of ~280 symbols. One table here rather
// than a `@category` tag in ~280 comments: a new file lands in its directory's category without anyone tagging it,
// and a `@category` written in a comment still wins.
import { Comment, CommentTag, Converter, ReflectionKind } from 'typedoc';

/** [path under src/ (a regular expression), category], first match wins; the last rule per directory is its default. */
const CATEGORIES = [
  [
    /^codes\/(division-code|division-dataset|division-lookup|village-key|shared)\.ts$/,
    '区划代码 Division codes',
  ],
  [/^codes\/(id-number|mask-text)\.ts$/, '身份证 ID numbers'],
  [/^core\/mask\.ts$/, '身份证 ID numbers'],
  [/^codes\/(credit-code|credit-code-categories|organization-code)\.ts$/, '信用代码 Credit codes'],
  [/^codes\/urban-rural-code\.ts$/, '城乡分类代码 Urban-rural codes'],
  [/^codes\/schemas\.ts$/, 'zod 模式 zod schemas'],
  [/^codes\//, '识别代码 Identify a code'],
  [/^core\/as-of\.ts$/, '日期 Dates'],
  [/^core\//, '问题与结果 Issues and results'],
  [
    /^model\/(fields|fields-plans|unit-statistics|unit-statistics-schema|row-kind|row-kind-predicates|row-checks|json-schema|year-range)\.ts$/,
    '统计表行 Statistics rows',
  ],
  [/^model\/(region|dataset)\.ts$/, '数据集 Datasets'],
  [/^model\/(unit-kind|labelled-enum|primitives)\.ts$/, '基础类型 Primitives'],
  [/^model\//, '单位记录 Unit records'],
  [
    /^indicators\/(compute|accumulate|parts|parts-parse|rows|rows-options|roll-up|sums|totals|total-store)\.ts$/,
    '计算 Compute',
  ],
  [
    /^indicators\/(profiles|profiles-plans|profile-check|profile-derive|profile-periods|profile-points)\.ts$/,
    '地方方案 Profiles',
  ],
  [/^indicators\/(periods|plan-period|progress)\.ts$/, '规划期与进度 Periods and progress'],
  [/^indicators\//, '指标目录 Catalogue'],
  [/^standards\/(validate|validate-options|validator|validator-core|outcomes)\.ts$/, '校验 Validate'],
  [
    /^standards\/(profiles|profile-check|profile-file|profile-file-checks|profile-file-schema)\.ts$/,
    '规则方案 Profiles',
  ],
  [/^standards\//, '规则 Rules'],
  [/^io\/(write|xlsx-limits)\.ts$/, '写出 Write'],
  [/^io\/xlsx/, '.xlsx'],
  [/^io\/node\.ts$/, 'Node'],
  [/^io\//, '读取 Read'],
  [/^pipeline\/indicators/, '指标 Indicators'],
  [/^pipeline\/validate\.ts$/, '校验 Validate'],
  [/^pipeline\/(parallel|node)\.ts$/, '并行 Parallel (Node)'],
  [/^pipeline\//, '数据源 Sources'],
  [/^geo\/(circles|circle-types|life-circles|colocation)\.ts$/, '生活圈 Life circles'],
  [/^geo\/(read-geojson|read-points|point-fields|point-record)\.ts$/, '读取点位 Read points'],
  [/^geo\//, '坐标与距离 Coordinates and distance'],
  [/^report\//, '报告 Report writers'],
  [/^testing\//, '测试数据 Arbitraries'],
  [/^divisions\//, '区划名录 Division lists'],
];

/** The category of a declaration in `fileName` (an absolute or project-relative path), if it is under src/. */
export function categoryOfFile(fileName) {
  const match = /(?:^|\/)src\/(.+)$/.exec(fileName.replaceAll('\\', '/'));
  if (match === null) return undefined;
  return CATEGORIES.find(([pattern]) => pattern.test(match[1]))?.[1];
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const project = context.project;
    for (const module of project.getChildrenByKind(ReflectionKind.Module)) {
      for (const child of module.children ?? []) {
        const target = child.isReference() ? child.getTargetReflectionDeep() : child;
        if (target.comment?.getTag('@category') !== undefined && child === target) continue;
        const fileName = project.getSymbolIdFromReflection(target)?.fileName;
        const category = (fileName && categoryOfFile(fileName)) ?? undefined;
        if (category === undefined) continue;
        const own = target.comment?.getTag('@category');
        const text = own ? Comment.combineDisplayParts(own.content) : category;
        child.comment ??= new Comment();
        if (child.comment.getTag('@category') === undefined) {
          child.comment.blockTags.push(new CommentTag('@category', [{ kind: 'text', text }]));
        }
      }
    }
  });
}
