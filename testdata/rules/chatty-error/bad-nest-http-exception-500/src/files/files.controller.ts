// A controller throws an HttpException with the error's message and status 500.
import { Controller, Get, HttpException, HttpStatus, Param } from '@nestjs/common';
import { readFile } from 'fs/promises';
import { join } from 'path';

@Controller('files')
export class FilesController {
  @Get(':name')
  async read(@Param('name') name: string) {
    try {
      const text = await readFile(join('/srv/files', name.replace(/[^\w.-]/g, '')), 'utf8');
      return { name, text };
    } catch (err: any) {
      throw new HttpException(`Could not read file: ${err.message}`, HttpStatus.INTERNAL_SERVER_ERROR); // expect: chatty-error
    }
  }
}
