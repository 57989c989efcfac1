/** The bundled city-management catalog (domain/workorders/data), read once per process: it never changes at run time. */
import { readFile } from 'node:fs/promises';
import { parseCategories } from '../../domain/workorders/catalog-csv.ts';
import type { Category } from '../../domain/workorders/catalog.ts';
import { bundledCategoriesUrl } from '../../domain/workorders/data.ts';

let categories: Promise<Category[]> | undefined;

export function workOrderCategories(): Promise<Category[]> {
  categories ??= readFile(bundledCategoriesUrl, 'utf8').then(parseCategories);
  return categories;
}
