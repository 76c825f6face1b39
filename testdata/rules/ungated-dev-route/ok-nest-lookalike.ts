import { Body, Controller, Get, HttpCode, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

@Controller('contests')
class ContestsController {
  @Get('latest')
  latest() {
    return { id: 'spring-2024', entries: 128 };
  }

  @Get(':id/testimonials')
  testimonials(@Param('id') id: string) {
    return { contest: id, testimonials: [] };
  }
}

@Controller('auth')
class AuthController {
  @Post('reset-password')
  @HttpCode(202)
  requestReset(@Body('email') email: string) {
    return { sent: typeof email === 'string' };
  }
}

@Controller('developers')
class DevelopersController {
  @Get('devices')
  devices() {
    return [];
  }
}

@Module({ controllers: [ContestsController, AuthController, DevelopersController] })
class AppModule {}

NestFactory.create(AppModule).then((app) => app.listen(3000));
