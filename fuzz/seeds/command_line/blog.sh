HOSTED_ZONE_ID=$(awslocal route53 create-hosted-zone --name hello-localstack.com --caller-reference r1 --query HostedZone.Id --output text)
echo $HOSTED_ZONE_ID
awslocal route53 change-resource-record-sets \
--hosted-zone $HOSTED_ZONE_ID \
--change-batch '{
"Changes": [
{
"Action": "CREATE",
"ResourceRecordSet": {
"Name": "12345.hello-localstack.com",
"Type": "CNAME",
"TTL": 60,
"ResourceRecords": [
{"Value": "12345.execute-api.localhost.localstack.cloud"}
]
}
}
]
}'
awslocal route53 list-resource-record-sets --hosted-zone-id $HOSTED_ZONE_ID
awslocal route53 change-resource-record-sets --hosted-zone-id $HOSTED_ZONE_ID --change-batch '{"Changes":[{"Action":"CREATE","ResourceRecordSet":{"Name":"hello-localstack.com","Type":"CNAME","TTL":60,"ResourceRecords":[{"Value":"x.example.com"}]}}]}'
awslocal route53 list-resource-record-sets --hosted-zone-id $HOSTED_ZONE_ID --query "ResourceRecordSets[?Type=='CNAME'].Name" --output text
