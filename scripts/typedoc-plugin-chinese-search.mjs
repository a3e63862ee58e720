// TypeDoc plugin: makes the API site's search find Chinese terms (社区, 身份证, 区划代码 …).
//
// TypeDoc's search is lunr: it splits text on spaces and hyphens and its index pipeline trims every character that is
// not [A-Za-z0-9_] from both ends of a token, so a run of Chinese characters becomes an empty token and nothing
// Chinese can be found. The search box already looks for `*term*` (any token containing the term). So this plugin
// adds one more field to each entry: every run of CJK characters of its summary, name, category and the aliases
// below, each wrapped in underscores (a word character, which the trimmer keeps): `_城乡社区服务体系_` is then found
// by `社区`. Runs are cut at punctuation, so a query never has to span a comma.
import { Comment, ReflectionKind, Renderer } from 'typedoc';

/** A run of CJK ideographs (and the 〇 of dates). */
const CJK_RUN = /[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;

/** Everyday words a reader types for the terms the comments use. */
const ALIASES = [
  [/公民身份号码|ID number/i, '身份证 身份证号'],
  [/统一社会信用代码|credit code/i, '信用代码'],
  [/统计用区划代码|division code/i, '区划代码 行政区划'],
];

/**
 * The Chinese search terms of `text` (its runs of Chinese characters) and the aliases of the terms in `aliased`
 * (default `text`), each wrapped so that lunr keeps it.
 */
export function chineseTerms(text, aliased = text) {
  const terms = new Set();
  for (const [pattern, aliases] of ALIASES) {
    if (pattern.test(aliased)) for (const alias of aliases.split(' ')) terms.add(alias);
  }
  for (const run of text.matchAll(CJK_RUN)) terms.add(run[0]);
  return [...terms].map((term) => `_${term}_`).join(' ');
}

function commentOf(reflection) {
  return (
    reflection.comment ??
    reflection.signatures?.[0]?.comment ??
    reflection.getTargetReflectionDeep?.()?.comment
  );
}

/** The first sentence-long part of the summary: what the page is about. */
function summaryOf(reflection) {
  const summary = commentOf(reflection)?.summary;
  return summary === undefined ? '' : Comment.combineDisplayParts(summary).split(/[.:。：]\s/)[0];
}

/** The comment's text apart from its examples. */
function textOf(reflection) {
  const comment = commentOf(reflection);
  if (comment === undefined) return '';
  const parts = [Comment.combineDisplayParts(comment.summary)];
  for (const tag of comment.blockTags)
    if (tag.tag !== '@example') parts.push(Comment.combineDisplayParts(tag.content));
  return parts.join(' ');
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.renderer.on(Renderer.EVENT_PREPARE_INDEX, (event) => {
    // Two fields: the short one (category and aliases of the summary) ranks a page about the term above pages that
    // only mention it, as the name field does for English names; the long one (every Chinese run) finds the rest.
    event.searchFieldWeights.zhTopic = 10;
    event.searchFieldWeights.zh = 1;
    event.searchResults.forEach((reflection, index) => {
      const summary = summaryOf(reflection);
      const categories = (reflection.parent?.categories ?? [])
        .filter((category) => category.children.includes(reflection))
        .map((category) => category.title);
      const document = reflection.isDocument?.() ? Comment.combineDisplayParts(reflection.content) : '';
      // Only pages of their own (a module's exports, the guides) get topics: a property of a type is found by its text.
      const ownPage =
        reflection.isDocument?.() ||
        reflection.parent?.isProject() ||
        reflection.parent?.kindOf?.(ReflectionKind.Module);
      if (ownPage)
        event.searchFields[index].zhTopic = chineseTerms([reflection.name, ...categories, summary].join(' '));
      event.searchFields[index].zh = chineseTerms([summary, textOf(reflection), document].join(' '));
    });
  });
}
