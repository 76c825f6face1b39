// scripts/print-config.ts - prints the resolved database settings so that ops
// can check what a deployment will connect to. Boots the Nest container for
// its ConfigService only; nothing listens on a port.
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';

@Module({
  imports: [ConfigModule.forRoot({ isGlobal: true })],
})
class AppModule {}

async function main() {
  const app = await NestFactory.create(AppModule, { logger: ['error'] });
  const config = app.get(ConfigService);

  console.log(config.get('db'));

  await app.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
