import { Injectable } from '@nestjs/common';

@Injectable()
export class DebugService {
  private readonly cache = new Map<string, unknown>();

  cacheKeys(): string[] {
    return [...this.cache.keys()];
  }

  async resetDatabase(): Promise<{ tables: number }> {
    this.cache.clear();
    return { tables: 0 };
  }
}
