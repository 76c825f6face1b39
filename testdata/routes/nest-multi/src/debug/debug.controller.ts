import { Controller, Get, Module } from '@nestjs/common';

// Troubleshooting aid; AppModule imports it only when ENABLE_DEBUG=true.
@Controller('debug')
export class DebugController {
  @Get('env')
  env() {
    return {
      node: process.version,
      nodeEnv: process.env.NODE_ENV ?? null,
      memory: process.memoryUsage(),
    };
  }
}

@Module({
  controllers: [DebugController],
})
export class DebugModule {}
