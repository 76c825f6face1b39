import { Module } from '@nestjs/common';

import { DebugModule } from './debug/debug.controller';
import { HealthModule } from './health/health.controller';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    UsersModule,
    HealthModule,
    ...(process.env.ENABLE_DEBUG === 'true' ? [DebugModule] : []),
  ],
})
export class AppModule {}
