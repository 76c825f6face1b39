import { BadRequestException, Controller, Get, NotFoundException, Param } from '@nestjs/common';

import { ReleasesService } from './releases.service';

const VERSION = /^(\d+\.?)+$/; // expect: redos

@Controller('releases')
export class ReleasesController {
  constructor(private readonly releases: ReleasesService) {}

  @Get(':version')
  async findOne(@Param('version') version: string) {
    if (!VERSION.test(version)) {
      throw new BadRequestException('version must look like 1.2.3');
    }
    const release = await this.releases.find(version);
    if (!release) throw new NotFoundException();
    return release;
  }
}
