@echo off
rem Starts the Backpack MCP server on Windows with the fast launch (see bin/backpack-mcp): the
rem class-data-sharing archive next to the jar, C1 only, the serial GC, a small initial heap, JVM warnings on stderr.
rem Works in a checkout (backpack-mcp\target\backpack-mcp.jar) and in the unpacked release archive
rem (lib\backpack-mcp.jar). "bin\backpack-mcp.cmd setup --client cursor" configures a client.
setlocal
set "DIR=%~dp0.."
set "JAR=%DIR%\backpack-mcp\target\backpack-mcp.jar"
if not exist "%JAR%" set "JAR=%DIR%\lib\backpack-mcp.jar"
if not exist "%JAR%" (
  echo backpack-mcp: the jar is missing; build it with: mvnw.cmd -q -B package -DskipTests 1>&2
  exit /b 1
)
set "JSA=%JAR:~0,-4%.jsa"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
"%JAVA%" -XX:SharedArchiveFile="%JSA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms8m -Xlog:disable -Xlog:all=warning:stderr -jar "%JAR%" %*
exit /b %ERRORLEVEL%
