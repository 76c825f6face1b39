// The root module.
import { Module } from '@nestjs/common';
import { LedgerController } from './ledger/ledger.controller';
import { LedgerService } from './ledger/ledger.service';

@Module({
  controllers: [LedgerController],
  providers: [LedgerService],
})
export class AppModule {}
