// FL842 python-file-as-jar-uri: a FlinkDeployment whose job.jarURI names a Python file while neither its
// entryClass nor its args make it a PyFlink job. The operator hands jarURI to Flink as `pipeline.jars`, and
// flink-kubernetes' KubernetesApplicationClusterEntrypoint#getPackagedProgramRetriever skips the jar only
// for Python jobs (PackagedProgramUtils#isPython: the entry class PythonDriver or PythonGatewayServer, or
// `-py`/`--python`/`-pym`/`--pyModule` among the arguments); otherwise it opens the file as the job jar,
// fails ("Could not create application program") and the JobManager exits.
#include <fmt/format.h>

#include "flinklint/text_util.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

bool python_file(std::string_view uri) {
    uri = uri.substr(0, uri.find_first_of("?#"));
    return ascii_lower(trim(uri)).ends_with(".py");
}

bool python_job(const FlinkResourceFacts& spec) {
    const std::string_view entry = trim(spec.job_entry_class.value);
    if (entry == "org.apache.flink.client.python.PythonDriver" ||
        entry == "org.apache.flink.client.python.PythonGatewayServer")
        return true;
    for (const Located& arg : spec.job_args) {
        const std::string_view word = trim(arg.value);
        if (word == "-py" || word == "--python" || word == "-pym" || word == "--pyModule") return true;
    }
    return false;
}

}  // namespace

void check_python_file_as_jar_uri(const Model& model, Reporter& reporter) {
    for (const Model::ObjectRef& ref : model.objects()) {
        const K8sObject& object = *ref.object;
        if (object.kind != "FlinkDeployment" || !object.flink || !object.flink->has_job) continue;
        const FlinkResourceFacts& spec = *object.flink;
        if (!spec.job_jar_uri || is_template_placeholder(spec.job_jar_uri.value) ||
            !python_file(spec.job_jar_uri.value) || python_job(spec))
            continue;
        Finding f{.source = ref.file->source, .span = spec.job_jar_uri.span, .key = "job.jarURI"};
        f.message = fmt::format(
            "FlinkDeployment {} names the Python file {} as its jarURI without `entryClass: "
            "org.apache.flink.client.python.PythonDriver` or `-py` in args: the application entry point "
            "opens "
            "it as the job jar, cannot read it, and the JobManager exits",
            object.name.value, quoted(spec.job_jar_uri.value));
        f.help =
            "run PyFlink through the flink-python jar: `jarURI: "
            "local:///opt/flink/opt/flink-python-<version>.jar`, "
            "`entryClass: org.apache.flink.client.python.PythonDriver`, `args: [\"-py\", \"<the .py "
            "file>\"]`";
        reporter.report(std::move(f));
    }
}

}  // namespace flinklint::rules
