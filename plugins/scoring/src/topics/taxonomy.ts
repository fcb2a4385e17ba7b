import { NodeError } from '@sbss/sdk';
import { parseQuery, type QueryNode, QuerySyntaxError } from 'sbss-plugin-listening/query';
import { parse, YAMLParseError } from 'yaml';
import { toSimplified } from '../sentiment/chinese-script.js';

/** One topic, named by its path (`product/battery`), with its keywords normalised for matching. */
export interface Topic {
  path: string;
  keywords: string[];
  exclude: string[];
  /** A monitor query (AND, OR, NOT, NEAR, fields) that also puts a mention in the topic. */
  query?: QueryNode;
  /** The query as written, for what the editor says of it. */
  querySource?: string;
}

/** Lower case, Simplified Chinese: `電池` in a taxonomy matches `电池` in a mention and back. */
export const normalise = (text: string) => toSimplified(text).toLowerCase();

const invalid = (message: string, details?: unknown) => new NodeError('TAXONOMY_INVALID', message, details);

function keywordList(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((k) => typeof k === 'string' || typeof k === 'number')) {
    throw invalid(`${where} must be a list of keywords`);
  }
  return value.map((keyword) => normalise(String(keyword).trim())).filter((keyword) => keyword !== '');
}

function topicQuery(value: unknown, where: string): QueryNode {
  // YAML reads `query: #华为 AND 退款` as a comment after an empty value.
  if (value === null) {
    throw invalid(`${where} is empty: in YAML, put a query that starts with # or a quote in single quotes`);
  }
  if (typeof value !== 'string') throw invalid(`${where} must be a query text`);
  try {
    return parseQuery(value);
  } catch (error) {
    if (!(error instanceof QuerySyntaxError)) throw error;
    throw invalid(`${where}: ${error.message}`, error.details(value));
  }
}

function collect(tree: unknown, prefix: string, topics: Topic[]): void {
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) {
    throw invalid(`${prefix || 'The taxonomy'} must map topic names to keyword lists`);
  }
  for (const [name, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}/${name}` : name;
    if (Array.isArray(value)) {
      topics.push({ path, keywords: keywordList(value, path), exclude: [] });
      continue;
    }
    const spec = (value ?? {}) as Record<string, unknown>;
    const query = spec.query === undefined ? undefined : topicQuery(spec.query, `${path}.query`);
    topics.push({
      path,
      keywords: keywordList(spec.keywords, `${path}.keywords`),
      exclude: keywordList(spec.exclude, `${path}.exclude`),
      ...(query ? { query, querySource: spec.query as string } : {}),
    });
    if (spec.topics !== undefined) collect(spec.topics, path, topics);
  }
}

/** Parses a taxonomy written as YAML (or JSON, which is YAML too). */
export function parseTaxonomy(source: string): Topic[] {
  let tree: unknown;
  try {
    tree = parse(source);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const at = error.linePos?.[0];
      throw invalid(`Taxonomy is not valid YAML or JSON: ${error.message.split('\n')[0]}`, at);
    }
    throw error;
  }
  const topics: Topic[] = [];
  if (tree !== null && tree !== undefined) collect(tree, '', topics);
  return topics;
}

const isWordChar = (code: number) =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;

/**
 * Where a keyword occurs in a normalised text. Latin keywords must stand as whole words (`app`
 * does not match `happy`); Chinese ones match anywhere, as Chinese has no spaces between words.
 */
export function contains(text: string, keyword: string): boolean {
  const latinStart = isWordChar(keyword.charCodeAt(0));
  const latinEnd = isWordChar(keyword.charCodeAt(keyword.length - 1));
  for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
    const before = at > 0 && latinStart && isWordChar(text.charCodeAt(at - 1));
    const after = latinEnd && isWordChar(text.charCodeAt(at + keyword.length));
    if (!before && !after) return true;
  }
  return false;
}
