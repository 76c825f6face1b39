import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { UsersService } from './users.service';

// No ValidationPipe: the body is whatever JSON the client sent.
@Controller('users')
export class UsersController {
  constructor(private readonly usersService: UsersService) {}

  @Post('login')
  login(@Body() body: any) {
    return this.usersService.login(body.username, body.password);
  }

  @Get('search')
  search(@Query('name') name: string) {
    return this.usersService.byName(name);
  }
}
