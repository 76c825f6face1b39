import { Module } from '@nestjs/common';
import { AuthController } from './users/auth.controller';

@Module({
  controllers: [AuthController],
})
export class AppModule {}
