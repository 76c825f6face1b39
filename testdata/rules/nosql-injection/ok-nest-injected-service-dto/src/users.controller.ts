import { Body, Controller, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { LoginDto } from './login.dto';
import { UsersService } from './users.service';

// The global ValidationPipe rejects a body whose fields are not strings;
// a route parameter is always a string.
@Controller('users')
export class UsersController {
  constructor(private readonly usersService: UsersService) {}

  @Post('login')
  login(@Body() dto: LoginDto) {
    return this.usersService.login(dto.username, dto.password);
  }

  @Get(':name')
  byName(@Param('name') name: string) {
    return this.usersService.byName(name);
  }
}
