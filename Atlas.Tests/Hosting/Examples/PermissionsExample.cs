using Atlas.Hosting;
using Atlas.Vm;

namespace Atlas.Tests.Hosting.Examples;

public static class PermissionsExample
{
    public static void Run(TextWriter output)
    {
        var root = RealPath.Resolve(Directory.CreateTempSubdirectory("atlas-example-").FullName);
        var data = Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
        File.WriteAllText(Path.Combine(data, "config.json"), "{\"name\": \"demo\", \"port\": 8080}");
        File.WriteAllText(Path.Combine(root, "secret.txt"), "not for scripts");
        var engine = new AtlasEngine(new AtlasOptions { Output = output });
        engine.SetGlobal("dataDir", data);

        void Try(string script)
        {
            try
            {
                engine.Evaluate(script);
            }
            catch (AtlasRuntimeException e)
            {
                output.WriteLine($"{e.Code} {e.Message.Replace(root, "ROOT")}");
            }
        }

        const string readConfig = "let config = parseJSON(readFile(pathJoin(dataDir, \"config.json\")));\nprint(config[\"port\"]);";
        Try(readConfig);                                              // nothing is granted by default
        engine.Options.Permissions = AtlasPermissions.None.AllowRead(data);
        Try(readConfig);                                              // now the script may read under data/
        Try("writeFile(pathJoin(dataDir, \"out.txt\"), \"x\");");     // but not write there
        Try("print(readFile(pathJoin(dataDir, \"../secret.txt\")));"); // nor climb out of it
        Directory.Delete(root, recursive: true);
    }
}
