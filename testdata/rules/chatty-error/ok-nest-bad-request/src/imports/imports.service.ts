// Parses an uploaded CSV; csv-parse throws on malformed input.
import { Injectable } from '@nestjs/common';
import { parse } from 'csv-parse/sync';

@Injectable()
export class ImportsService {
  parseRows(csv: string): Record<string, string>[] {
    return parse(csv, { columns: true, skip_empty_lines: true });
  }
}
