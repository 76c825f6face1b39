import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { DebugService } from './debug.service';

@Controller('debug')
export class DebugController {
  constructor(private readonly debug: DebugService) {}

  @Get('cache')
  cache() {
    return { keys: this.debug.cacheKeys() };
  }

  @Get('memory')
  memory() {
    return process.memoryUsage();
  }

  // Drops and recreates the schema; used before customer demos.
  @Post('reset-db')
  @HttpCode(202)
  resetDb() {
    return this.debug.resetDatabase();
  }
}
