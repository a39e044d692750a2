import type { ComponentKind } from '../../../model/types.ts';
import { knownEmbeddedIcon } from './icons.ts';
import { shapeOf, type Style } from './style.ts';

// What a shape's style says it is. Cloud icon sets name their service in the style:
// AWS `shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.dynamodb` or
// `shape=mxgraph.aws4.lambda_function`, GCP `mxgraph.gcp2.cloud_sql` or
// `prIcon=cloud_sql`, Azure `image=img/lib/azure2/databases/Azure_Cosmos_DB.svg` or
// `mxgraph.azure.sql_database`, IBM `mxgraph.ibm.*`, and the generic network sets
// (`mxgraph.cisco.*`, `mxgraph.network.*`) likewise. Their names go through one table
// of word rules, first match wins, so AWS, GCP and Azure share "queue" or "cache".
// A cylinder is a data store whatever the set.

export type ShapeVerdict =
  | { kind: ComponentKind; icon: string }
  /** A known icon for something the review does not model (IAM, a router, a log). */
  | { drop: string; icon: string }
  /** A cylinder: some data store; the label may say which. */
  | { dataStore: true; icon: string }
  | null;

type Rule = readonly [RegExp, ComponentKind | 'drop'];

// Order matters: the first rule that matches the icon's name (lower case, words
// joined by `_`, wrapped in `_`) decides. Specific names come before broad ones.
const RULES: readonly Rule[] = [
  [/_(container_registry|ecr|artifact_registry|registry|database_migration(_service)?|dms|storage_gateway|cloud|clouds)_|_provider_logo_/, 'drop'],
  [/_(users?|clients?|power_bi(_report)?|mobile(_client|_app|_phone)?|desktop(_client)?|laptop|pc|workstation|browser|iphone|android|tablet|person|actor|people|customers?|end_user|alexa_enabled_device|thin_client|internet(_alt\d|_cloud)?)_/, 'client'],
  [/_(route_?53|cloud_dns|dns(_zones?)?|hosted_zone|dns_private_resolver)_/, 'dns'],
  [/_(cloudfront|cloud_cdn|cdn(_profiles?)?|front_doors?(_and_cdn_profiles)?|edge_locations?)_/, 'cdn'],
  [/(load_balanc|_(elb|alb|nlb|lb)_|application_gateways?|traffic_manager|_global_accelerator_)/, 'load-balancer'],
  [/(api_gateway|apigateway|_appsync_|api_management|_apigee|cloud_endpoints|_api_connect_|_endpoints_)/, 'api-gateway'],
  [/(_batch_|_glue|_emr_|dataflow|dataproc|data_factor|step_functions?|_scheduler|_databricks|data_pipeline|datasync|_spark_|_airflow|_mwaa_|_composer_|logic_apps?|_synapse|hdinsight|stream_analytics|kinesis_data_analytics|flink|_workflows?_|_worker|notebook)/, 'worker'],
  [/(elasticache|memorydb|memorystore|redis|memcache|_cache_|_cache$|_dax_|cache_for_redis)/, 'cache'],
  [/(kinesis|_msk_|managed_streaming|kafka|event_hubs?|eventbridge|event_bridge|_sns_|simple_notification|pub_?sub|event_grid|_topics?_|firehose|eventarc|_event_bus_)/, 'stream'],
  [/(_sqs_|simple_queue|_queues?_|_mq_|service_bus|cloud_tasks|rabbitmq|storage_queue)/, 'queue'],
  [/(dynamodb|documentdb|keyspaces|neptune|timestream|cosmos|bigtable|firestore|_datastore_|cloud_datastore|mongo|cassandra|couch|table_storage|_nosql)/, 'nosql-database'],
  [/(_rds_|aurora|redshift|_sql|sql_|spanner|postgres|mysql|mariadb|oracle|bigquery|alloydb|_database|_db_|_databases_|lakehouse|_warehouse_)/, 'sql-database'],
  [/(opensearch|elasticsearch|cloudsearch|kendra|_search)/, 'search'],
  [/(_s3_|simple_storage|_buckets?_|glacier|_storage|cloud_storage|_blob|storage_accounts?|_efs_|elastic_file|_ebs_|elastic_block|data_lake|_fsx|filestore|_backup_|_disk)/, 'object-storage'],
  [/(zookeeper|_etcd_|_consul_)/, 'coordination'],
  [/(bedrock|comprehend|rekognition|textract|_translate_|_polly_|transcribe|_lex_|cognito|_ses_|simple_email|pinpoint|openai|cognitive_services|_vertex|gemini|vision_api|speech|natural_language|stripe|twilio|sendgrid|slack|github|auth0|okta|third_party|saas|_email_|_sms_|_amazon_q_|_ai_services?_|azure_ai)/, 'external'],
  [/(lambda|_ec2|_instances?_|_ecs_|fargate|_eks_|kubernetes|containers?|app_runner|beanstalk|lightsail|compute_engine|app_engine|cloud_run|functions?|function_apps?|app_services?|virtual_machines?|_vms?_|_aks_|_gke_|server|web_apps?|_pods?_|microservice|sagemaker|_application_|_compute_|_service_)/, 'service'],
  [/_(iam|identity|kms|key_management|secrets?_manager|certificate|acm|waf|shield|guardduty|security|inspector|macie|cloudwatch|cloudtrail|config|x_?ray|monitor|log_analytics|application_insights|monitoring|logging|systems_manager|trusted_advisor|organizations|accounts?|management_account|control_tower|cloudformation|cdk|code(commit|build|pipeline|deploy|star|artifact)|devops|pipelines?|repos?|git|policy|role|permissions|alarms?|logs|key_vaults?|firewall|nat(_gateway)?|internet_gateway|vpn(_gateway)?|transit_gateway|direct_connect|router|switch|vpc|subnets?|endpoint|network_interface|elastic_network_interface|security_groups?|peering|private_link|vnet|virtual_networks?|entra|active_directory|sso|key|lock|shield|hsm|guard|audit|trail|dashboard|grafana|prometheus|terraform|ansible)_/, 'drop'],
];

const CYLINDERS = new Set(['cylinder', 'cylinder2', 'cylinder3', 'datastore', 'mxgraph.flowchart.database', 'mxgraph.flowchart.stored_data', 'mxgraph.basic.cylinder']);

/** The name of an embedded SVG icon: one Faultline knows by its content (icons.ts),
 *  else the title it gives itself (AWS's own icons do:
 *  `Icon-Architecture/64/Arch_AWS-AppSync_64`), read as text, never rendered. */
function embeddedTitle(image: string | undefined): string | undefined {
  const embedded = image?.match(/^data:image\/(svg\+xml|png),([A-Za-z0-9+/=]+)$/);
  if (!embedded) return undefined;
  const data = embedded[2]!;
  const known = knownEmbeddedIcon(data);
  if (known || embedded[1] === 'png') return known;
  let svg: string;
  try {
    svg = atob(data.slice(0, 4096));
  } catch {
    return undefined;
  }
  const title = /<title>([^<]{1,200})<\/title>/.exec(svg)?.[1];
  return title ? `img/lib/${title.split('/').at(-1)}` : undefined;
}

/** The icon a style names, as `_words_joined_`; empty when it names none. */
export function iconOf(style: Style): string {
  const image = style.values.get('image');
  const candidates = [style.values.get('resIcon'), style.values.get('prIcon'), embeddedTitle(image) ?? image, style.values.get('shape')];
  for (const candidate of candidates) {
    if (!candidate || candidate === 'mxgraph.aws4.resourceIcon' || candidate === 'mxgraph.aws4.productIcon' || /hexIcon|doubleRect|\.box$|image$/.test(candidate)) continue;
    const last = candidate.split(/[/.]/).filter((part) => part !== '' && !/^(svg|png|jpe?g)$/i.test(part)).at(-1) ?? '';
    const words = last
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word !== '' && !/^\d+$/.test(word) && word !== 'icon');
    if (words.length > 0 && isIconSet(candidate)) return `_${words.join('_')}_`;
  }
  return '';
}

function isIconSet(name: string): boolean {
  return /^mxgraph\.(aws|gcp|azure|ibm|cisco|network|citrix|kubernetes|office|alibaba|veeam|openstack|rack|salesforce)|^img\/lib\/|^prIcon|^[a-z_]+$/.test(name);
}

export function shapeVerdict(style: Style): ShapeVerdict {
  const shape = shapeOf(style);
  if (CYLINDERS.has(shape) || /cylinder/.test(shape)) return { dataStore: true, icon: shape };
  const icon = iconOf(style);
  if (icon === '') return null;
  for (const [pattern, kind] of RULES) {
    if (pattern.test(icon)) return kind === 'drop' ? { drop: icon.slice(1, -1), icon } : { kind, icon };
  }
  return null;
}

/** An AWS group's icon, for containers: `region`, `zone`, or another group. */
export function awsGroupOf(style: Style): 'region' | 'zone' | 'other' | null {
  const icon = style.values.get('grIcon') ?? '';
  const shape = style.values.get('shape') ?? '';
  if (/group_region/.test(icon)) return 'region';
  if (/availability_zone/.test(icon)) return 'zone';
  if (icon !== '' || /^mxgraph\.aws\d\.group/.test(shape)) return 'other';
  return null;
}
