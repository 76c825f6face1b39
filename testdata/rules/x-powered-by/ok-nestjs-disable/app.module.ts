import { Controller, Get, Module } from '@nestjs/common';

@Controller('status')
class StatusController {
  @Get()
  status() {
    return { ok: true };
  }
}

@Module({
  controllers: [StatusController],
})
export class AppModule {}
