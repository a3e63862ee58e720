import { createIssue, type Issue, type PathSegment } from '../core/issue.js';
import { parseCodeCell, parseNumberCell } from '../io/cells.js';
import type { ResidentialPoint, ServicePoint } from './circle-types.js';
import { type Crs, isInsideChinaBox } from './crs.js';
import { pointFields, type RowCells, type Which } from './point-fields.js';

/** What a point reader gathers while it reads one file (CSV or GeoJSON). */
export interface Reading<Point> {
  points: Point[];
  rejected: { line?: number; index?: number; issues: Issue[] }[];
  issues: Issue[];
  blankLines: number;
  titleLines: number;
}

export function emptyReading<Point>(): Reading<Point> {
  return { points: [], rejected: [], issues: [], blankLines: 0, titleLines: 0 };
}

/** Turns the cells of one record into a point, or the issues that reject it. */
export function toPoint(
  which: Which,
  cells: RowCells,
  crs: Crs,
  where: { line?: number | undefined; path: PathSegment[] },
): { point?: ResidentialPoint | ServicePoint; issues: Issue[]; warnings: Issue[] } {
  const issues: Issue[] = [];
  const fields = pointFields(which);
  const point: Record<string, unknown> = { crs };
  for (const field of fields) {
    const raw = cells.get(field.key);
    const cell = typeof raw === 'string' ? raw.trim() : raw;
    const at = { line: where.line, column: cells.header(field.key), path: [...where.path, field.key] };
    if (cell === undefined || cell === '' || cell === null) {
      if (field.required)
        issues.push(cellIssue('invalid_type', '缺少必填值', 'Missing required value', at, ''));
      continue;
    }
    const value =
      field.type === 'number'
        ? parseNumberCell(cell)
        : field.type === 'code'
          ? parseCodeCell(cell)
          : String(cell);
    if (value === null || value === undefined || (typeof value === 'number' && !field.accepts(value))) {
      issues.push(
        cellIssue(
          value === null ? 'invalid_type' : 'invalid_value',
          field.problem.zh,
          field.problem.en,
          at,
          String(cell),
        ),
      );
      continue;
    }
    if (field.type === 'code' && !/^\d{12}$/.test(String(value))) {
      issues.push(
        cellIssue(
          'invalid_format',
          '代码应为 12 位统计用区划代码',
          'The code must have 12 digits',
          at,
          String(cell),
        ),
      );
      continue;
    }
    point[field.key] = value;
  }
  if (issues.length > 0) return { issues, warnings: [] };
  const warnings = isInsideChinaBox(point.lng as number, point.lat as number)
    ? []
    : [
        createIssue(
          'outside_china',
          {
            zh: '坐标在中国范围以外（经纬度是否写反？）',
            en: 'The point lies outside China (longitude and latitude swapped?)',
          },
          {
            severity: 'warning',
            path: where.path,
            ...(where.line !== undefined ? { line: where.line } : {}),
          },
        ),
      ];
  return { point: point as unknown as ResidentialPoint | ServicePoint, issues, warnings };
}

export function cellIssue(
  code: 'invalid_type' | 'invalid_value' | 'invalid_format',
  zh: string,
  en: string,
  at: { line?: number | undefined; column?: string | undefined; path: PathSegment[] },
  value: string,
): Issue {
  return createIssue(
    code,
    { zh, en },
    {
      path: at.path,
      ...(at.line !== undefined ? { line: at.line } : {}),
      ...(at.column !== undefined ? { column: at.column } : {}),
      value: value.slice(0, 100),
    },
  );
}
