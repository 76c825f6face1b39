// Async controller methods that parse and convert request data and throw: Nest turns the rejection into an error response.
import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { LedgerService } from './ledger.service';

@Controller('ledger')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get()
  async list(@Query('filter') filter?: string) {
    const criteria = JSON.parse(filter ?? '{}');
    const entries = await this.ledger.find(criteria);
    return entries.map((e) => ({ ...e, id: e.id.toString() }));
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    const entry = await this.ledger.findOne(BigInt(id));
    if (!entry) throw new NotFoundException();
    return { ...entry, id: entry.id.toString() };
  }
}
