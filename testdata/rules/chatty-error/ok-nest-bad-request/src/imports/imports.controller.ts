// A parse failure of the client's CSV becomes a BadRequestException (400) with the parser's message.
import { BadRequestException, Body, Controller, Post } from '@nestjs/common';
import { ImportsService } from './imports.service';

@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  create(@Body('csv') csv: string) {
    try {
      const rows = this.imports.parseRows(csv);
      return { imported: rows.length };
    } catch (err) {
      throw new BadRequestException((err as Error).message);
    }
  }
}
